package dev.parley.conversation.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags and tagged conversations over real HTTP. */
class TagsIT extends WholeAppTestBase {

	private static final String TAGS = "/api/v1/tags";

	@Test
	void createListRenameRecolorAndDelete() {
		Response created = call("POST", TAGS, "{\"name\":\"  Work \",\"color\":\"#FFAA00\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("/id");
		assertThat(created.header("Location")).isEqualTo(TAGS + "/" + id);
		assertThat(created.text("/name")).isEqualTo("Work");
		assertThat(created.text("/color")).isEqualTo("#ffaa00");
		assertThat(created.json().get("conversation_count").asLong()).isZero();

		call("POST", TAGS, "{\"name\":\"WORK\"}").assertProblem(409, "tag-name-taken");
		call("POST", TAGS, "{\"name\":\"   \"}").assertProblem(400, "invalid-request");
		call("POST", TAGS, "{\"name\":\"" + "x".repeat(51) + "\"}").assertProblem(400, "invalid-request");
		call("POST", TAGS, "{\"name\":\"a\\u0000b\"}").assertProblem(400, "invalid-text");
		call("POST", TAGS, "{\"name\":\"ok\",\"color\":\"red\"}").assertProblem(400, "invalid-request");
		call("POST", TAGS, "{}").assertProblem(400, "invalid-request");
		// 50 characters, each outside the BMP (100 UTF-16 units), is a valid name
		assertThat(call("POST", TAGS, "{\"name\":\"" + "😀".repeat(50) + "\"}").status()).isEqualTo(201);

		String other = call("POST", TAGS, "{\"name\":\"家庭\"}").text("/id");
		call("PATCH", TAGS + "/" + other, "{\"name\":\"work\"}").assertProblem(409, "tag-name-taken");
		Response renamed = call("PATCH", TAGS + "/" + id, "{\"name\":\"Job\",\"color\":\"\"}");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.text("/name")).isEqualTo("Job");
		assertThat(renamed.json().get("color").isNull()).isTrue();
		// a change of case alone is a rename of the same tag
		assertThat(call("PATCH", TAGS + "/" + id, "{\"name\":\"JOB\"}").text("/name")).isEqualTo("JOB");

		List<String> names = new ArrayList<>();
		call("GET", TAGS, null).json().get("items").forEach((tag) -> names.add(tag.get("name").asString()));
		assertThat(names).containsExactly("JOB", "家庭", "😀".repeat(50));

		assertThat(call("DELETE", TAGS + "/" + id, null).status()).isEqualTo(204);
		call("DELETE", TAGS + "/" + id, null).assertProblem(404, "tag-not-found");
		call("PATCH", TAGS + "/" + id, "{\"name\":\"x\"}").assertProblem(404, "tag-not-found");
	}

	@Test
	void conversationsCarryTheirTagsAndTheListFiltersByTag() {
		String first = createConversation("{\"title\":\"First\"}");
		String second = createConversation("{\"title\":\"Second\"}");
		createConversation("{\"title\":\"Untagged\"}");
		Response tagged = call("PUT", CONVERSATIONS + "/" + first + "/tags",
				"{\"tags\":[\"Travel\",\" travel \",\"旅行\"]}");
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
		assertThat(names(tagged.json().get("tags"))).containsExactly("Travel", "旅行");
		call("PUT", CONVERSATIONS + "/" + second + "/tags", "{\"tags\":[\"TRAVEL\"]}");

		assertThat(names(call("GET", CONVERSATIONS + "/" + second, null).json().get("tags"))).containsExactly("Travel");
		JsonNode travel = tagByName("Travel");
		assertThat(travel.get("conversation_count").asLong()).isEqualTo(2);

		// the filter pages with the list's own cursor
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = call("GET",
					CONVERSATIONS + "?tag=travel&limit=1" + ((cursor != null) ? "&cursor=" + cursor : ""), null)
				.json();
			page.get("items").forEach((item) -> {
				seen.add(item.get("id").asString());
				assertThat(names(item.get("tags"))).contains("Travel");
			});
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).containsExactly(second, first);
		assertThat(call("GET", CONVERSATIONS + "?tag=nothing-like-it", null).json().get("items")).isEmpty();

		// the list shows every conversation's tags
		JsonNode list = call("GET", CONVERSATIONS + "?limit=100", null).json().get("items");
		list.forEach((item) -> {
			if (item.get("id").asString().equals(first)) {
				assertThat(names(item.get("tags"))).containsExactly("Travel", "旅行");
			}
		});

		// removing a tag removes it from its conversations
		assertThat(call("DELETE", TAGS + "/" + travel.get("id").asString(), null).status()).isEqualTo(204);
		assertThat(names(call("GET", CONVERSATIONS + "/" + first, null).json().get("tags"))).containsExactly("旅行");
		assertThat(call("PUT", CONVERSATIONS + "/" + first + "/tags", "{\"tags\":[]}").json().get("tags")).isEmpty();
		// deleting a conversation deletes its links, not the tags
		call("PUT", CONVERSATIONS + "/" + second + "/tags", "{\"tags\":[\"旅行\"]}");
		assertThat(call("DELETE", CONVERSATIONS + "/" + second, null).status()).isEqualTo(204);
		assertThat(count("SELECT COUNT(*) FROM conversation_tags WHERE conversation_id = ?", second)).isZero();
		assertThat(tagByName("旅行").get("conversation_count").asLong()).isZero();
	}

	@Test
	void badAssignmentsChangeNothing() {
		String id = createConversation();
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{\"tags\":[\"keep\"]}");
		List<String> many = new ArrayList<>();
		for (int i = 0; i <= TagService.MAX_PER_CONVERSATION; i++) {
			many.add("\"t" + i + "\"");
		}
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{\"tags\":[" + String.join(",", many) + "]}")
			.assertProblem(422, "too-many-tags");
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{\"tags\":[\"fine\",\"\"]}").assertProblem(400,
				"invalid-request");
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{\"tags\":[\"fine\",null]}").assertProblem(400,
				"invalid-request");
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{}").assertProblem(400, "invalid-request");
		call("PUT", CONVERSATIONS + "/" + id + "/tags", "{\"tags\":\"x\"}").assertProblem(400, "invalid-request");
		assertThat(names(call("GET", CONVERSATIONS + "/" + id, null).json().get("tags"))).containsExactly("keep");
		assertThat(call("GET", TAGS, null).json().get("items")).hasSize(1);
		call("PUT", CONVERSATIONS + "/" + UUID.randomUUID() + "/tags", "{\"tags\":[\"x\"]}").assertProblem(404,
				"conversation-not-found");
	}

	@Test
	void anotherUsersTagsAndConversationsAreNotFound() {
		String mine = createConversation();
		String tag = call("POST", TAGS, "{\"name\":\"private\"}").text("/id");
		call("PUT", CONVERSATIONS + "/" + mine + "/tags", "{\"tags\":[\"private\"]}");
		Session other = newUser();
		assertThat(call(other, "GET", TAGS, null).json().get("items")).isEmpty();
		call(other, "PATCH", TAGS + "/" + tag, "{\"name\":\"mine now\"}").assertProblem(404, "tag-not-found");
		call(other, "DELETE", TAGS + "/" + tag, null).assertProblem(404, "tag-not-found");
		call(other, "PUT", CONVERSATIONS + "/" + mine + "/tags", "{\"tags\":[\"x\"]}").assertProblem(404,
				"conversation-not-found");
		assertThat(call(other, "GET", CONVERSATIONS + "?tag=private", null).json().get("items")).isEmpty();
		// the same name is another tag for another owner
		assertThat(call(other, "POST", TAGS, "{\"name\":\"Private\"}").status()).isEqualTo(201);
		assertThat(names(call("GET", CONVERSATIONS + "/" + mine, null).json().get("tags"))).containsExactly("private");
	}

	private JsonNode tagByName(String name) {
		for (JsonNode tag : call("GET", TAGS, null).json().get("items")) {
			if (tag.get("name").asString().equals(name)) {
				return tag;
			}
		}
		throw new AssertionError("No tag " + name);
	}

	private static List<String> names(JsonNode tags) {
		List<String> names = new ArrayList<>();
		tags.forEach((tag) -> names.add(tag.get("name").asString()));
		return names;
	}

}
