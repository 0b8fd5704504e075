package dev.parley.chat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily token quota over real HTTP: a reply is charged with the tokens it used, and
 * once they reach the quota the next send or regenerate is a 429 that writes nothing.
 */
@TestPropertySource(properties = "parley.limits.user-tokens-per-day=30")
class ChatQuotaIT extends WholeAppTestBase {

	@Test
	void repliesAreChargedAndTheQuotaStopsTheNextOne() {
		String conversation = createConversation();
		Response first = sendMessage(conversation, message("hello", "sim?tokens=40"));
		assertThat(first.status()).isEqualTo(200);
		String reply = first.json().get("assistant_message").get("id").asString();

		Response refused = sendMessage(conversation, message("again", "sim?tokens=1"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("type").asString()).isEqualTo("https://parley.dev/problems/quota-exceeded");
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 86_400L));
		assertThat(messages(conversation)).hasSize(2);

		Response regenerate = call("POST",
				"/api/v1/conversations/" + conversation + "/messages/" + reply + "/regenerate", "{}");
		assertThat(regenerate.status()).isEqualTo(429);
		assertThat(messages(conversation)).hasSize(2);
	}

}
