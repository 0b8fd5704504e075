package dev.parley.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.NodeClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's {@code ChatClient}, exactly as the seed prints it
 * ({@code src/test/resources/compat/seed-004-chat-client.js}), in Chromium against
 * Parley: the seed's own usage example, then the client's event stream reaching Parley
 * before its POST and after it (the reply already over); each time it receives start, the
 * simulator's reply in chunks, and end. The settings are {@link CompatRoutesIT}'s, so the
 * two share one application.
 */
@TestPropertySource(properties = { "parley.compat.enabled=true", "parley.compat.stream-pairing=5s" })
class ChatClientInChromiumIT extends WholeAppTestBase {

	private static final Path SCRIPT = Path.of("src/test/resources/compat/chat-client-in-chromium.cjs")
		.toAbsolutePath();

	private static final String TEXT = Simulator.expectedText(5);

	@Test
	void theSeedsChatClientReceivesTheReplyInBothOrders() {
		Assumptions.assumeTrue(chromium(), "/usr/bin/chromium is not installed");
		String key = apiKey(user(), "chat");
		NodeClient.Run run = NodeClient.webApp()
			.command(List.of("node", SCRIPT.toString()),
					Map.of("PARLEY_URL", base(), "PARLEY_KEY", key, "SESSION_PREFIX", "chromium", "NO_COLOR", "1"),
					180);
		assertThat(run.exit()).as(run.output()).isZero();
		JsonNode result = run.lastJsonLine();

		List<String> example = new ArrayList<>();
		result.get("example").forEach((line) -> example.add(line.asString()));
		assertThat(example).as(run.output()).contains("开始生成回复...", "回复完成: " + TEXT);
		assertThat(example).filteredOn((line) -> line.startsWith("收到新chunk:")).isNotEmpty();
		assertThat(example).noneMatch((line) -> line.startsWith("发生错误"));

		for (String order : new String[] { "getFirst", "postFirst" }) {
			JsonNode seen = result.get(order);
			assertThat(seen.get("errors")).as(order + ": " + seen).isEmpty();
			List<String> events = new ArrayList<>();
			seen.get("events").forEach((event) -> events.add(event.asString()));
			assertThat(events).as(order).startsWith("start", "chunk").endsWith("end").doesNotContain("error");
			StringBuilder chunks = new StringBuilder();
			seen.get("chunks").forEach((chunk) -> chunks.append(chunk.asString()));
			assertThat(chunks.toString()).as(order).isEqualTo(TEXT);
			assertThat(seen.get("fullText").asString()).as(order).isEqualTo(TEXT);
		}
		assertThat(count("SELECT COUNT(*) FROM compat_sessions WHERE owner_id = ?", user().userId())).isEqualTo(3);
		assertThat(count(
				"SELECT COUNT(*) FROM messages m JOIN compat_sessions s ON s.conversation_id = "
						+ "m.conversation_id WHERE s.owner_id = ? AND m.role = 'assistant' AND m.status = 'complete'",
				user().userId()))
			.isEqualTo(3);
	}

	private static boolean chromium() {
		return Files.isExecutable(Path.of("/usr/bin/chromium"));
	}

}
