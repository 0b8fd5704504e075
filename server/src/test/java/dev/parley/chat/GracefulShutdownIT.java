package dev.parley.chat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber waiting for the next reply does not hold a shutdown for the whole graceful
 * period (30 s): its stream is ended as the shutdown begins.
 */
class GracefulShutdownIT {

	@Test
	void idleSubscribersAreEndedAtShutdown() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class).run(
				"--server.port=0", "--parley.data-dir=" + Files.createTempDirectory("parley-shutdown"),
				"--spring.lifecycle.timeout-per-shutdown-phase=30s");
		TestClient client = TestClient.of(context);
		TestAccounts.Session user = TestAccounts.newUser(client);
		String conversation = client.call(user, "POST", "/api/v1/conversations", "{}").text("/id");
		try (SseClient subscriber = client.request("GET", "/api/v1/conversations/" + conversation + "/stream")
			.as(user)
			.stream()) {
			assertThat(subscriber.status()).isEqualTo(200);
			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(subscriber.next()).as("the waiting stream has ended").isNull();
			assertThat(took).as("shutdown was not held for the graceful period").isLessThan(Duration.ofSeconds(20));
		}
	}

}
