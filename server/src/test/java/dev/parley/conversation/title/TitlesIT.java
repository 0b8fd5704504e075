package dev.parley.conversation.title;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles generated after the first exchange, with the simulator as the model: each test's
 * agent routes to a simulator model whose answer is known, and the reply itself is served
 * by the model named in the message where the two must differ (an administrator makes the
 * agents: routes are theirs to set).
 */
@TestPropertySource(properties = { "parley.conversation.titles.enabled=true", "parley.conversation.titles.timeout=5s" })
class TitlesIT extends WholeAppTestBase {

	private static final String ENGLISH_INSTRUCTION = "Write a short title";

	private static final String CHINESE_INSTRUCTION = "为下面的对话写一个简短的标题";

	@Test
	void aModelTitlesTheConversationAfterItsFirstExchangeInTheUsersLanguage() {
		String conversation = conversationOfAgent("sim?tokens=2");
		String marker = UUID.randomUUID().toString();
		assertThat(sendMessage(conversation, json("content", "Plan my trip " + marker)).status()).isEqualTo(200);
		awaitTitleSource(conversation, "generated");
		assertThat(title(conversation)).isEqualTo("alpha beta");
		Response shown = call("GET", CONVERSATIONS + "/" + conversation, null);
		assertThat(shown.text("/title")).isEqualTo("alpha beta");
		assertThat(shown.text("/title_source")).isEqualTo("generated");
		assertThat(titleRequests(marker)).singleElement()
			.satisfies(
					(request) -> assertThat(request.messages().getFirst().content()).startsWith(ENGLISH_INSTRUCTION));

		// a second exchange keeps the title
		assertThat(sendMessage(conversation, json("content", "And back " + marker)).status()).isEqualTo(200);
		assertThat(titleRequests(marker)).hasSize(1);

		String chinese = conversationOfAgent("sim?tokens=1");
		String chineseMarker = "请帮我规划行程" + UUID.randomUUID();
		assertThat(sendMessage(chinese, json("content", chineseMarker)).status()).isEqualTo(200);
		awaitTitleSource(chinese, "generated");
		assertThat(titleRequests(chineseMarker)).singleElement()
			.satisfies(
					(request) -> assertThat(request.messages().getFirst().content()).startsWith(CHINESE_INSTRUCTION));
	}

	@Test
	void theOwnersTitleIsNeverReplacedEvenWhenTheyRenameDuringTheCall() {
		String named = createConversation("{\"title\":\"My own title\"}");
		String marker = UUID.randomUUID().toString();
		assertThat(sendMessage(named, message("Hello " + marker, "sim?tokens=2")).status()).isEqualTo(200);

		// the title call takes a second: the owner renames meanwhile
		String renamed = conversationOfAgent("sim?tokens=2&ttft=1000");
		String other = UUID.randomUUID().toString();
		assertThat(sendMessage(renamed, message("Hello " + other, "sim?tokens=2")).status()).isEqualTo(200);
		assertThat(call("PATCH", CONVERSATIONS + "/" + renamed, json("title", "Renamed by me")).status())
			.isEqualTo(200);
		Eventually.eventually("the title call of the renamed conversation")
			.until(() -> !titleRequests(other).isEmpty());
		// the call answers after a second; then nothing may have changed
		String third = conversationOfAgent("sim?tokens=2&ttft=1500");
		String later = UUID.randomUUID().toString();
		assertThat(sendMessage(third, message("Hello " + later, "sim?tokens=2")).status()).isEqualTo(200);
		awaitTitleSource(third, "generated");

		assertThat(title(renamed)).isEqualTo("Renamed by me");
		assertThat(titleSource(renamed)).isEqualTo("user");
		assertThat(title(named)).isEqualTo("My own title");
		assertThat(titleRequests(marker)).as("no model is asked to title a conversation its owner named").isEmpty();
	}

	@Test
	void withoutAnAnswerTheDerivedTitleStays() {
		String conversation = conversationOfAgent("sim?fault=500");
		String marker = UUID.randomUUID().toString().substring(0, 8);
		Response sent = sendMessage(conversation, message("Where is the station " + marker, "sim?tokens=2"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		Eventually.eventually("the title call").until(() -> !titleRequests(marker).isEmpty());
		assertThat(title(conversation)).isEqualTo("Where is the station " + marker);
		assertThat(titleSource(conversation)).isEqualTo("derived");

		// the title stays derived, yet a second exchange is not the first: no second call
		String second = UUID.randomUUID().toString().substring(0, 8);
		Response again = sendMessage(conversation, message("And the bus " + second, "sim?tokens=2"));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		Awaitility.await("no title call for the second exchange")
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> titleRequests(second).isEmpty());
	}

	@Test
	void theReplyEndsWithoutWaitingForTheTitle() {
		String conversation = conversationOfAgent("sim?tokens=2&ttft=2000");
		String marker = UUID.randomUUID().toString();
		try (SseClient stream = stream(conversation, message("Quick one " + marker, "sim?tokens=3"))) {
			assertThat(stream.untilTerminal().getLast().type()).isEqualTo("end");
		}
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'assistant'"
				+ " AND status = 'complete'", conversation))
			.isEqualTo(1);
		// the reply is stored and its end sent while the title call still waits for its
		// first token
		assertThat(titleSource(conversation)).isEqualTo("derived");
		awaitTitleSource(conversation, "generated");
		assertThat(title(conversation)).isEqualTo("alpha beta");
	}

	private String conversationOfAgent(String model) {
		String agent = createAgent(admin(), "{\"name\":\"Titles " + UUID.randomUUID()
				+ "\",\"visibility\":\"public\",\"route\":[{\"provider_id\":\"openai\",\"model\":\"" + model + "\"}]}");
		return createConversation("{\"agent_id\":\"" + agent + "\"}");
	}

	private static List<RecordedRequest> titleRequests(String marker) {
		return TestSimulator.get()
			.recentRequests()
			.stream()
			.filter((request) -> !request.messages().isEmpty() && request.messages().getFirst().role().equals("system")
					&& (request.messages().getFirst().content().startsWith(ENGLISH_INSTRUCTION)
							|| request.messages().getFirst().content().startsWith(CHINESE_INSTRUCTION))
					&& request.lastUserMessage() != null && request.lastUserMessage().contains(marker))
			.toList();
	}

	private void awaitTitleSource(String conversation, String source) {
		Eventually.eventually("title_source " + source).until(() -> source.equals(titleSource(conversation)));
	}

	private String titleSource(String conversation) {
		Map<String, Object> row = this.jdbc.sql("SELECT title_source FROM conversations WHERE id = ?")
			.param(conversation)
			.query()
			.singleRow();
		Object value = row.values().iterator().next();
		return (value != null) ? value.toString().trim() : null;
	}

	private String title(String conversation) {
		return this.jdbc.sql("SELECT title FROM conversations WHERE id = ?")
			.param(conversation)
			.query(String.class)
			.single();
	}

}
