package dev.parley.realtime;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At shutdown every socket is closed with 1001 (going away) as the shutdown begins, so
 * that its client reconnects to another instance at once, and no socket holds the
 * shutdown for its graceful period.
 */
class RealtimeShutdownIT {

	@Test
	void socketsAreClosedWithGoingAwayAtShutdown() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class).run(
				"--server.port=0", "--parley.data-dir=" + Files.createTempDirectory("parley-ws-shutdown"),
				"--spring.lifecycle.timeout-per-shutdown-phase=30s");
		TestClient client = TestClient.of(context);
		TestAccounts.Session user = TestAccounts.newUser(client);
		String conversation = client.call(user, "POST", "/api/v1/conversations", "{}").text("/id");
		URI uri = URI.create(client.baseUrl().replace("http://", "ws://") + "/ws");
		try (WsClient idle = WsClient.open(uri, Map.of("Authorization", user.bearer()));
				WsClient following = WsClient.open(uri, Map.of("Authorization", user.bearer()))) {
			idle.next("authenticated");
			following.next("authenticated");
			following.sendFrame("type", "subscribe", "conversation_id", conversation);
			following.next("subscribed");
			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(idle.awaitClose()).isEqualTo(1001);
			assertThat(following.awaitClose()).isEqualTo(1001);
			assertThat(took).as("shutdown was not held for the graceful period").isLessThan(Duration.ofSeconds(20));
		}
	}

}
