package dev.parley.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.ReplyEnding;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/search} over real HTTP on H2; the subclasses run it again on
 * PostgreSQL and MariaDB.
 */
class SearchContractIT extends WholeAppTestBase {

	@Autowired
	private ChatHistory history;

	@Test
	void findsChineseSubstringsOfTwoOrMoreCharactersWithHighlightsInUtf16Units() {
		String conversation = createConversation("{\"title\":\"闲聊\"}");
		String chinese = userMessage(conversation, "请帮我清除上下文管理的缓存");
		String emoji = userMessage(conversation, "😀😀 上下文");
		userMessage(conversation, "无关的内容");

		JsonNode three = search("上下文");
		assertThat(messageIds(three)).containsExactlyInAnyOrder(chinese, emoji);
		JsonNode emojiHit = hit(three, emoji);
		assertThat(emojiHit.get("snippet").asString()).isEqualTo("😀😀 上下文");
		assertHighlights(emojiHit, 5, 8);
		assertHighlights(hit(three, chinese), 5, 8);
		assertThat(hit(three, chinese).get("role").asString()).isEqualTo("user");
		assertThat(hit(three, chinese).get("conversation_title").asString()).isEqualTo("闲聊");

		assertThat(messageIds(search("上下"))).containsExactlyInAnyOrder(chinese, emoji);
		assertThat(messageIds(search("缓"))).containsExactly(chinese);
		assertThat(messageIds(search("上下文 缓存"))).containsExactly(chinese);
		assertThat(messageIds(search("上下文　缓存"))).as("an ideographic space separates words too")
			.containsExactly(chinese);
		assertThat(search("文上").get("items")).isEmpty();
		// a title hit has no message
		JsonNode title = search("闲聊").get("items");
		assertThat(title).singleElement().satisfies((item) -> {
			assertThat(item.get("message_id").isNull()).isTrue();
			assertThat(item.get("snippet").asString()).isEqualTo("闲聊");
			assertThat(item.get("score").asInt()).isEqualTo(3);
		});
	}

	@Test
	void findsEnglishIgnoringCaseWithEveryWordAsASubstring() {
		String conversation = createConversation();
		String both = userMessage(conversation, "Please clear the Context Management cache");
		String one = assistantMessage(conversation, "The context is large");
		userMessage(conversation, "100% of 50_50 deals!");

		assertThat(messageIds(search("CONTEXT"))).containsExactlyInAnyOrder(both, one);
		assertThat(messageIds(search("context manag"))).containsExactly(both);
		assertThat(messageIds(search("manag context"))).containsExactly(both);
		assertThat(messageIds(search("ntex"))).containsExactlyInAnyOrder(both, one);
		assertThat(hit(search("context"), one).get("role").asString()).isEqualTo("assistant");
		// LIKE's wildcards are literal text
		assertThat(messageIds(search("100%"))).hasSize(1);
		assertThat(search("0%").get("items")).hasSize(1);
		assertThat(search("%").get("items")).hasSize(1);
		assertThat(search("_").get("items")).hasSize(1);
		assertThat(search("0_5").get("items")).hasSize(1);
		JsonNode highlighted = hit(search("context manag"), both);
		assertThat(highlighted.get("snippet").asString()).isEqualTo("Please clear the Context Management cache");
		assertHighlights(highlighted, 17, 24, 25, 30);
	}

	@Test
	void ranksTitlesThenExactMatchesThenNewestAndPagesWithTheCursor() {
		String titled = createConversation("{\"title\":\"Kiwi recipes\"}");
		String older = userMessage(titled, "kiwi is green");
		String exact = userMessage(titled, "I like Kiwi a lot");
		String newer = userMessage(titled, "KIWI again");
		List<String> ranked = itemIds(search("Kiwi", 50));
		assertThat(ranked).containsExactly(titled, exact, newer, older);
		JsonNode scores = search("Kiwi", 50).get("items");
		assertThat(scores.get(0).get("score").asInt()).isEqualTo(3);
		assertThat(scores.get(1).get("score").asInt()).isEqualTo(2);
		assertThat(scores.get(2).get("score").asInt()).isEqualTo(1);

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = call("GET", "/api/v1/search?q=Kiwi&limit=1" + ((cursor != null) ? "&cursor=" + cursor : ""),
					null)
				.json();
			assertThat(page.get("items")).hasSizeLessThanOrEqualTo(1);
			paged.addAll(itemIds(page));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(paged).containsExactlyElementsOf(ranked);
	}

	@Test
	void filtersByArchivedRoleAgentTagAndDate() {
		String active = createConversation();
		String archived = createConversation();
		String inActive = userMessage(active, "mango lassi");
		String reply = assistantMessage(active, "a mango reply");
		String inArchived = userMessage(archived, "mango chutney");
		call("PATCH", CONVERSATIONS + "/" + archived, "{\"archived\":true}");
		call("PUT", CONVERSATIONS + "/" + archived + "/tags", "{\"tags\":[\"Food\"]}");

		assertThat(messageIds(search("mango"))).containsExactlyInAnyOrder(inActive, reply, inArchived);
		assertThat(messageIds(query("q=mango&archived=true"))).containsExactly(inArchived);
		assertThat(messageIds(query("q=mango&archived=false"))).containsExactlyInAnyOrder(inActive, reply);
		assertThat(messageIds(query("q=mango&role=assistant"))).containsExactly(reply);
		assertThat(messageIds(query("q=mango&tag=food"))).containsExactly(inArchived);
		assertThat(query("q=mango&tag=none").get("items")).isEmpty();
		String agent = call("GET", CONVERSATIONS + "/" + active, null).text("/agent_id");
		assertThat(messageIds(query("q=mango&agent_id=" + agent))).hasSize(3);
		assertThat(query("q=mango&agent_id=" + UUID.randomUUID()).get("items")).isEmpty();

		Instant created = Instant.parse(hit(search("mango"), reply).get("created_at").asString());
		assertThat(messageIds(query("q=mango&from=" + created))).contains(reply).doesNotContain(inActive);
		assertThat(messageIds(query("q=mango&to=" + created))).contains(inActive).doesNotContain(reply);
	}

	@Test
	void findsOnlyTheCallersFinishedMessagesOfConversationsThatExist() {
		String marker = "papaya" + UUID.randomUUID().toString().substring(0, 8);
		String mine = createConversation();
		String kept = userMessage(mine, marker + " mine");
		Session other = newUser();
		String theirs = call(other, "POST", CONVERSATIONS, "{\"title\":\"" + marker + "\"}").text("/id");
		this.history.appendUserMessage(UUID.fromString(theirs), null, marker + " theirs");
		// the first message gave the conversation its title
		assertThat(itemIds(search(marker))).containsExactly(mine, kept);
		assertThat(call(other, "GET", "/api/v1/search?q=" + marker, null).json().get("items")).hasSize(2);

		Message streaming = this.history.startAssistantMessage(UUID.fromString(mine), UUID.fromString(kept), "m", "p",
				"test-instance");
		this.history.checkpoint(Map.of(streaming.id(), marker + " partial"));
		assertThat(itemIds(search(marker))).as("a reply still streaming").containsExactly(mine, kept);
		this.history.finishAssistantMessage(streaming, ending(marker + " partial and more"));
		assertThat(itemIds(search(marker))).containsExactly(mine, streaming.id().toString(), kept);

		assertThat(call("DELETE", CONVERSATIONS + "/" + mine, null).status()).isEqualTo(204);
		assertThat(search(marker).get("items")).isEmpty();
	}

	@Test
	void refusesBadQueries() {
		call("GET", "/api/v1/search", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=%20%20", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=" + "x".repeat(201), null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=a0%20a1%20a2%20a3%20a4%20a5%20a6%20a7%20a8%20a9%20b0", null).assertProblem(400,
				"invalid-request");
		call("GET", "/api/v1/search?q=a%00b", null).assertProblem(400, "invalid-text");
		call("GET", "/api/v1/search?q=a&tag=a%00b", null).assertProblem(400, "invalid-text");
		call("GET", "/api/v1/search?q=a&role=robot", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=a&limit=0", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=a&limit=51", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=a&cursor=bogus", null).assertProblem(400, "invalid-cursor");
		call("GET", "/api/v1/search?q=a&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", null).assertProblem(400,
				"invalid-request");
		call("GET", "/api/v1/search?q=a&from=yesterday", null).assertProblem(400, "invalid-request");
		call("GET", "/api/v1/search?q=a&agent_id=nope", null).assertProblem(400, "invalid-id");
		assertThat(send("GET", "/api/v1/search?q=a", null, null).status()).isEqualTo(401);
	}

	private String userMessage(String conversation, String content) {
		return this.history.appendUserMessage(UUID.fromString(conversation), null, content).id().toString();
	}

	private String assistantMessage(String conversation, String content) {
		Message started = this.history.startAssistantMessage(UUID.fromString(conversation), null, "m", "p",
				"test-instance");
		return this.history.finishAssistantMessage(started, ending(content)).orElseThrow().id().toString();
	}

	private static ReplyEnding ending(String content) {
		return new ReplyEnding(content, MessageStatus.COMPLETE, "stop", 1, 1, "m", "p", false);
	}

	private JsonNode search(String q) {
		return search(q, 20);
	}

	private JsonNode search(String q, int limit) {
		return query("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20") + "&limit=" + limit);
	}

	private JsonNode query(String parameters) {
		Response response = call("GET", "/api/v1/search?" + parameters, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode hit(JsonNode page, String messageId) {
		for (JsonNode item : page.get("items")) {
			if (messageId.equals(item.get("message_id").asString(null))) {
				return item;
			}
		}
		throw new AssertionError("No hit " + messageId + " in " + page);
	}

	private static List<String> messageIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> {
			if (!item.get("message_id").isNull()) {
				ids.add(item.get("message_id").asString());
			}
		});
		return ids;
	}

	/** Each hit's message id, or its conversation's for a title hit. */
	private static List<String> itemIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items")
			.forEach((item) -> ids.add(item.get("message_id").isNull() ? item.get("conversation_id").asString()
					: item.get("message_id").asString()));
		return ids;
	}

	private static void assertHighlights(JsonNode hit, int... bounds) {
		List<Integer> actual = new ArrayList<>();
		hit.get("highlights").forEach((range) -> {
			actual.add(range.get("start").asInt());
			actual.add(range.get("end").asInt());
		});
		assertThat(actual).as(hit.toString()).containsExactly(Arrays.stream(bounds).boxed().toArray(Integer[]::new));
	}

}
