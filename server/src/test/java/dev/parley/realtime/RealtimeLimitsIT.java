package dev.parley.realtime;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket's frames count against the same per-user request limit as REST calls, and a
 * user's sockets are limited.
 */
@TestPropertySource(
		properties = { "parley.limits.user-requests-per-minute=6", "parley.realtime.max-sockets-per-user=2" })
class RealtimeLimitsIT extends WholeAppTestBase {

	@Test
	void framesTakeFromTheCallersRequestBucketAndAnEmptyOneAnswersRateLimited() {
		String conversation = createConversation();
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/ws");
		try (WsClient socket = WsClient.open(uri, Map.of("Authorization", user().bearer()))) {
			socket.next("authenticated");
			JsonNode refused = null;
			for (int i = 0; i < 10 && refused == null; i++) {
				socket.sendFrame("type", "subscribe", "conversation_id", conversation, "request_id", "s" + i);
				JsonNode answer = socket.next((frame) -> frame.has("request_id"), "an answer");
				if ("error".equals(answer.path("type").asString())) {
					refused = answer;
				}
			}
			assertThat(refused).as("a subscribe was refused").isNotNull();
			assertThat(refused.at("/problem/type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
			assertThat(refused.at("/problem/status").asInt()).isEqualTo(429);
			assertThat(refused.at("/problem/retry_after").asLong()).isPositive();
			// The same bucket: the REST API refuses this user now too.
			Response rest = call("GET", CONVERSATIONS, null);
			assertThat(rest.status()).isEqualTo(429);
			// Pings are free.
			socket.sendFrame("type", "ping", "request_id", "p");
			assertThat(socket.next("pong").path("request_id").asString()).isEqualTo("p");
		}
	}

	@Test
	void aUserHoldsAtMostTheSocketsAllowed() {
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/ws");
		Map<String, String> auth = Map.of("Authorization", newUser().bearer());
		// One after the other: the server admits sockets in the order their handshakes
		// end,
		// which for sockets opened at once is not the order they were opened in.
		try (WsClient first = WsClient.open(uri, auth)) {
			first.next("authenticated");
			try (WsClient second = WsClient.open(uri, auth)) {
				second.next("authenticated");
				try (WsClient third = WsClient.open(uri, auth)) {
					JsonNode refused = third.next("error");
					assertThat(refused.at("/problem/type").asString())
						.isEqualTo("https://parley.dev/problems/socket-limit");
					assertThat(third.awaitClose()).isEqualTo(4429);
				}
			}
		}
		try (WsClient again = WsClient.open(uri, auth)) {
			assertThat(again.next("authenticated").path("type").asString()).isEqualTo("authenticated");
		}
	}

}
