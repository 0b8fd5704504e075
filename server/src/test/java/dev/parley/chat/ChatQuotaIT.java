package dev.parley.chat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily token quota over real HTTP: a reply is charged with the tokens it used, and
 * once they reach the quota the next send or regenerate is a 429 that writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parley.limits.user-tokens-per-day=30")
class ChatQuotaIT extends ChatTestSupport {

	@Test
	void repliesAreChargedAndTheQuotaStopsTheNextOne() {
		String conversation = createConversation();
		HttpResponse<String> first = call("POST", "/api/v1/conversations/" + conversation + "/messages",
				message("hello", "sim?tokens=40"));
		assertThat(first.statusCode()).isEqualTo(200);
		String reply = json(first).get("assistant_message").get("id").asString();

		HttpResponse<String> refused = call("POST", "/api/v1/conversations/" + conversation + "/messages",
				message("again", "sim?tokens=1"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(json(refused).get("type").asString()).isEqualTo("https://parley.dev/problems/quota-exceeded");
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 86_400L));
		assertThat(messages(conversation)).hasSize(2);

		HttpResponse<String> regenerate = call("POST",
				"/api/v1/conversations/" + conversation + "/messages/" + reply + "/regenerate", "{}");
		assertThat(regenerate.statusCode()).isEqualTo(429);
		assertThat(messages(conversation)).hasSize(2);
	}

}
