package dev.parley.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With masking for providers on, the provider receives phone numbers, ID numbers, e-mail
 * addresses and keys as placeholders, in the new message, the history and the system
 * prompt alike, while the stored conversation keeps the user's words verbatim.
 */
@TestPropertySource(properties = { "parley.privacy.masking.enabled=true", "parley.privacy.masking.targets=provider" })
class MaskingForProvidersIT extends WholeAppTestBase {

	@Test
	void theProviderSeesMaskedTextAndTheHistoryStaysVerbatim() {
		String marker = UUID.randomUUID().toString();
		String conversation = createConversation("{\"system_prompt\": \"Escalate to ops@example.com if needed.\"}");
		String first = "我的手机号是13812345678，身份证11010519491231002X " + marker;
		String second = "Key sk-4f3c2b1a09e8d7c6b5a4f3e2d1c0b9a8, order 2024011512345 " + marker;
		assertThat(sendMessage(conversation, message(first, "sim?tokens=2")).status()).isEqualTo(200);
		assertThat(sendMessage(conversation, message(second, "sim?tokens=2")).status()).isEqualTo(200);

		List<String> sent = TestSimulator.receivedContaining(marker)
			.messages()
			.stream()
			.map((m) -> m.role() + ":" + m.content())
			.toList();
		assertThat(sent).containsExactly("system:Escalate to [email] if needed.",
				"user:我的手机号是[phone]，身份证[id-number] " + marker, "assistant:alpha beta ",
				"user:Key [secret], order 2024011512345 " + marker);

		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(4);
		assertThat(stored.get(3).get("content").asString()).isEqualTo(first);
		assertThat(stored.get(1).get("content").asString()).isEqualTo(second);
	}

}
