package dev.parley.compat;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Off by default: the old systems' routes are absent, answered as any unknown path, with
 * the ordinary credentials and without the seeds' {@code error} member.
 */
class CompatDisabledIT extends WholeAppTestBase {

	@Test
	void theRoutesAreAbsentUnlessTurnedOn() {
		String key = apiKey(user(), "chat");
		String[][] routes = { { "POST", "/api/chat" }, { "POST", "/api/chat-stream" },
				{ "GET", "/api/conversations/abc" }, { "DELETE", "/api/conversations/abc" },
				{ "POST", "/api/v1/chat/test-session" }, { "GET", "/api/v1/chat/test-session/stream" },
				{ "POST", "/api/v1/chat/test-session/stream" }, { "GET", "/api/v1/context/conversations" } };
		for (String[] route : routes) {
			Response withKey = request(route[0], route[1]).authorization("Bearer " + key)
				.json(json("message", "Hello"))
				.send();
			withKey.assertProblem(404, "not-found");
			assertThat(withKey.json().has("error")).as(route[1]).isFalse();
			// x-api-key is read only where a feature asks for it (the gateway).
			Response viaHeader = request(route[0], route[1]).header("x-api-key", key)
				.json(json("message", "Hello"))
				.send();
			assertThat(viaHeader.status()).as(route[1]).isEqualTo(401);
		}
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isZero();
	}

}
