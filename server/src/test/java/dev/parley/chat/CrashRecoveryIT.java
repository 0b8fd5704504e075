package dev.parley.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply left {@code streaming} by a crash is never silently missing: the restarted
 * instance marks its own as {@code interrupted} with the checkpointed text, and another
 * instance's abandoned reply is marked once its lease runs out.
 */
class CrashRecoveryIT {

	@Test
	void repliesLeftStreamingBecomeInterruptedWithTheTextReceivedSoFar() throws Exception {
		Path dataDir = Files.createTempDirectory("parley-crash");
		String conversationId;
		UUID ownReply;
		UUID otherInstancesReply;
		try (ConfigurableApplicationContext before = start(dataDir)) {
			conversationId = createConversation(before);
			ChatHistory history = before.getBean(ChatHistory.class);
			UUID conversation = UUID.fromString(conversationId);
			Message user = history.appendUserMessage(conversation, null, "Tell me everything");
			ownReply = history.startAssistantMessage(conversation, user.id(), "sim", "openai", "node-a").id();
			otherInstancesReply = history.startAssistantMessage(conversation, user.id(), "sim", "openai", "node-b")
				.id();
			history.checkpoint(Map.of(ownReply, "Once upon a", otherInstancesReply, "Elsewhere"));
		}
		try (ConfigurableApplicationContext after = start(dataDir)) {
			ChatHistory history = after.getBean(ChatHistory.class);
			UUID conversation = UUID.fromString(conversationId);
			Message recovered = history.requireMessage(conversation, ownReply);
			assertThat(recovered.status().name()).isEqualTo("INTERRUPTED");
			assertThat(recovered.content()).isEqualTo("Once upon a");
			Eventually.eventually("the other instance's lease to run out")
				.until(() -> history.requireMessage(conversation, otherInstancesReply)
					.status()
					.name()
					.equals("INTERRUPTED"));
			assertThat(history.requireMessage(conversation, otherInstancesReply).content()).isEqualTo("Elsewhere");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		// Command-line arguments, so they win over application.yml as a real deployment's
		// would.
		return new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--parley.data-dir=" + dataDir, "--parley.chat.instance-id=node-a", "--parley.chat.lease-timeout=1s",
				"--parley.chat.checkpoint-interval=200ms");
	}

	private String createConversation(ConfigurableApplicationContext context) {
		TestClient client = TestClient.of(context);
		return client.call(TestAccounts.newUser(client), "POST", "/api/v1/conversations", "{}").text("/id");
	}

}
