package dev.parley.chat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With masking for storage on, a user's message is stored masked (and so reaches the
 * provider masked); only the configured kinds are masked.
 */
@TestPropertySource(properties = { "parley.privacy.masking.enabled=true", "parley.privacy.masking.targets=storage",
		"parley.privacy.masking.kinds=phone,email" })
class MaskingForStorageIT extends WholeAppTestBase {

	@Test
	void theStoredMessageIsMaskedForTheConfiguredKinds() {
		String marker = UUID.randomUUID().toString();
		String content = "Call +86 139-1234-5678 or write to li.lei@example.cn; ID 11010519491231002X " + marker;
		String masked = "Call [phone] or write to [email]; ID 11010519491231002X " + marker;
		String conversation = createConversation();
		assertThat(sendMessage(conversation, message(content, "sim?tokens=2")).status()).isEqualTo(200);

		JsonNode stored = messages(conversation);
		assertThat(stored.get(1).get("role").asString()).isEqualTo("user");
		assertThat(stored.get(1).get("content").asString()).isEqualTo(masked);
		assertThat(TestSimulator.receivedContaining(marker).lastUserMessage()).isEqualTo(masked);
	}

}
