package dev.parley.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.TestAccounts;
import dev.parley.ParleyApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber waiting for the next reply does not hold a shutdown for the whole graceful
 * period (30 s): its stream is ended as the shutdown begins.
 */
class GracefulShutdownIT {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void idleSubscribersAreEndedAtShutdown() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class).run(
				"--server.port=0", "--parley.data-dir=" + Files.createTempDirectory("parley-shutdown"),
				"--spring.lifecycle.timeout-per-shutdown-phase=30s");
		String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		TestAccounts.Session user = TestAccounts.newUser(this.http, base);
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations"))
			.header("Authorization", user.bearer())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String conversation = JsonMapper.builder().build().readTree(created.body()).get("id").asString();
		try (SseClient subscriber = SseClient.get(this.http,
				URI.create(base + "/api/v1/conversations/" + conversation + "/stream"), null, user.bearer())) {
			assertThat(subscriber.status()).isEqualTo(200);
			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(subscriber.next()).as("the waiting stream has ended").isNull();
			assertThat(took).as("shutdown was not held for the graceful period").isLessThan(Duration.ofSeconds(20));
		}
	}

}
