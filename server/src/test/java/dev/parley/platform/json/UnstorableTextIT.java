package dev.parley.platform.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that some supported database cannot store as sent (a NUL, an unpaired surrogate,
 * bytes that are not UTF-8) is refused with a 400 {@code invalid-text} problem naming the
 * field, on every endpoint that stores text, before anything is written: the user's rows
 * and the conversation are as they were. So is a model name longer than a reply can
 * store, and a NUL in a query parameter. Runs on H2 here, on PostgreSQL and MariaDB in
 * the subclasses.
 */
class UnstorableTextIT extends WholeAppTestBase {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "\\u0000", "\\ud800", "\\udfff" })
	void everyEndpointThatStoresTextRefusesItAndWritesNothing(String bad) {
		String conversation = createConversation("{\"title\":\"kept\"}");
		String path = CONVERSATIONS + "/" + conversation;
		String key = apiKey(user(), "gateway");
		String before = footprint(conversation);

		refused(call("POST", path + "/messages", "{\"content\":\"x" + bad + "y\"}"), "content");
		refused(call("POST", path + "/messages", "{\"content\":\"hi\",\"model\":\"sim" + bad + "\"}"), "model");
		refused(call("POST", CONVERSATIONS, "{\"title\":\"x" + bad + "y\"}"), "title");
		refused(call("PATCH", path, "{\"title\":\"x" + bad + "y\"}"), "title");
		refused(call("PUT", path + "/context",
				"{\"system_prompt\":\"s\",\"preset_messages\":[{\"role\":\"user\",\"content\":\"x" + bad + "y\"}]}"),
				"preset_messages[0].content");
		refused(call("POST", "/api/v1/agents", "{\"name\":\"x" + bad + "y\"}"), "name");
		refused(call("POST", "/api/v1/api-keys", "{\"name\":\"x" + bad + "y\",\"scopes\":[\"chat\"]}"), "name");
		refused(call("POST", "/api/v1/contexts", "{\"name\":\"x" + bad + "y\",\"system_prompt\":\"s\"}"), "name");
		refused(send("POST", "/v1/chat/completions", "Bearer " + key,
				"{\"model\":\"sim" + bad + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "model");
		refused(send("POST", "/v1/chat/completions", "Bearer " + key,
				"{\"model\":\"sim\",\"messages\":[{\"role\":\"user\",\"content\":\"x" + bad + "y\"}]}"),
				"messages[0].content");
		refused(call("PUT", path + "/context", "{\"preset_messages\":[{\"ro" + bad + "le\":\"user\"}]}"),
				"preset_messages[0]");

		assertThat(footprint(conversation)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ff", "c080", "eda080", "e282" })
	void bytesThatAreNotUtf8AreRefusedAndWriteNothing(String hex) {
		String conversation = createConversation("{\"title\":\"kept\"}");
		String before = footprint(conversation);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("{\"title\":\"x".getBytes(StandardCharsets.UTF_8));
		body.writeBytes(HexFormat.of().parseHex(hex));
		body.writeBytes("y\"}".getBytes(StandardCharsets.UTF_8));

		refused(request("PATCH", CONVERSATIONS + "/" + conversation).as(user())
			.body("application/json", body.toByteArray())
			.send(), "title");
		refused(request("POST", CONVERSATIONS).as(user()).body("application/json", body.toByteArray()).send(), "title");

		assertThat(footprint(conversation)).isEqualTo(before);
	}

	@Test
	void aModelNameLongerThanAReplyCanStoreIsRefusedBeforeTheUserMessageIsStored() {
		String conversation = createConversation();
		String before = footprint(conversation);
		String model = "sim?tokens=1&padding=" + "x".repeat(200);

		Response send = call("POST", CONVERSATIONS + "/" + conversation + "/messages",
				"{\"content\":\"hi\",\"model\":\"" + model + "\"}");
		send.assertField("invalid-request", "model");

		assertThat(footprint(conversation)).isEqualTo(before);
	}

	@Test
	void aQueryParameterWithANulIsRefused() {
		Response refused = call(admin(), "GET", "/api/v1/admin/users?limit=5&q=a%00b", null);
		refused.assertProblem(400, "invalid-text");
		assertThat(refused.text("/detail")).isEqualTo("Query parameter 'q' must not contain a NUL character (U+0000)");
		assertThat(call(admin(), "GET", "/api/v1/admin/users?limit=5&q=a%20b%F0%9F%98%80", null).status())
			.isEqualTo(200);
	}

	private static void refused(Response response, String field) {
		response.assertProblem(400, "invalid-text");
		assertThat(response.json().path("errors")).as(response.body()).hasSize(1);
		assertThat(response.json().at("/errors/0/field").asString()).as(response.body()).isEqualTo(field);
		assertThat(response.text("/detail")).as(response.body()).startsWith("Field '" + field + "' must ");
	}

	/** Everything of the user's that a refused request could have changed. */
	private String footprint(String conversation) {
		String owner = user().userId();
		return "conversations=" + count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", owner) + " messages="
				+ count("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id"
						+ " WHERE c.owner_id = ?", owner)
				+ " agents=" + count("SELECT COUNT(*) FROM agents WHERE owner_id = ?", owner) + " contexts="
				+ count("SELECT COUNT(*) FROM conversation_contexts WHERE owner_id = ?", owner) + " keys="
				+ count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", owner) + " key_usage="
				+ count("SELECT COUNT(*) FROM api_key_usage u JOIN api_keys k ON k.id = u.api_key_id"
						+ " WHERE k.user_id = ?", owner)
				+ " token_usage=" + count("SELECT COUNT(*) FROM token_usage WHERE user_id = ?", owner)
				+ " conversation=" + call("GET", CONVERSATIONS + "/" + conversation, null).body();
	}

}
