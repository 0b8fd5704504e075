package dev.parley.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the gateway accepts in a chat completions body, and how it reads it. */
class CompletionRequestParserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String MESSAGES = "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]";

	@Test
	void readsTheFieldsParleyInterpretsAndKeepsTheRest() {
		CompletionRequest request = parse("{\"model\": \"m\", " + MESSAGES + ", \"stream\": true,"
				+ " \"stream_options\": {\"include_usage\": true}, \"temperature\": 0.2, \"top_p\": 1,"
				+ " \"max_tokens\": 9, \"stop\": \"END\", \"n\": 1, \"seed\": 3, \"tools\": [], \"x\": {\"y\": null}}");
		assertThat(request.model()).isEqualTo("m");
		assertThat(request.stream()).isTrue();
		assertThat(request.includeUsage()).isTrue();
		assertThat(request.params().temperature()).isEqualTo(0.2);
		assertThat(request.params().topP()).isEqualTo(1.0);
		assertThat(request.params().maxTokens()).isEqualTo(9);
		assertThat(request.params().stop()).containsExactly("END");
		assertThat(request.extra().propertyNames()).containsExactlyInAnyOrder("seed", "tools", "x");
		assertThat(request.messages().getFirst().raw().toString()).isEqualTo("{\"role\":\"user\",\"content\":\"hi\"}");
	}

	@Test
	void takesTheTextOfContentPartsAndAcceptsAssistantMessagesWithoutContent() {
		CompletionRequest request = parse("{\"model\": \"m\", \"messages\": ["
				+ "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"a\"},"
				+ " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:x\"}}, {\"type\": \"text\", \"text\": \"b\"}]},"
				+ "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": []},"
				+ "{\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"42\"}]}");
		assertThat(request.messages()).extracting("content").containsExactly("a\nb", "", "42");
		assertThat(request.extra()).isNull();
		assertThat(request.stream()).isFalse();
	}

	@Test
	void namesTheFieldOfEveryBadInput() {
		assertThat(invalidField("[]")).isEqualTo("body");
		assertThat(invalidField("{" + MESSAGES + "}")).isEqualTo("model");
		assertThat(invalidField("{\"model\": 3, " + MESSAGES + "}")).isEqualTo("model");
		assertThat(invalidField("{\"model\": \"m\"}")).isEqualTo("messages");
		assertThat(invalidField("{\"model\": \"m\", \"messages\": []}")).isEqualTo("messages");
		assertThat(invalidField("{\"model\": \"m\", \"messages\": [\"hi\"]}")).isEqualTo("messages[0]");
		assertThat(invalidField("{\"model\": \"m\", \"messages\": [{\"content\": \"hi\"}]}"))
			.isEqualTo("messages[0].role");
		assertThat(invalidField("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": 5}]}"))
			.isEqualTo("messages[0].content");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"stream\": \"yes\"}")).isEqualTo("stream");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"n\": 2}")).isEqualTo("n");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"temperature\": -0.1}"))
			.isEqualTo("temperature");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"top_p\": 1.5}")).isEqualTo("top_p");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"max_tokens\": 0}")).isEqualTo("max_tokens");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"max_tokens\": 1.5}")).isEqualTo("max_tokens");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"stop\": [1]}")).isEqualTo("stop");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"stop\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}"))
			.isEqualTo("stop");
		assertThat(invalidField("{\"model\": \"m\", " + MESSAGES + ", \"presence_penalty\": 3}"))
			.isEqualTo("presence_penalty");
	}

	private static CompletionRequest parse(String json) {
		return CompletionRequestParser.parse(JSON.readTree(json));
	}

	private static String invalidField(String json) {
		JsonNode body = JSON.readTree(json);
		ProblemException ex = catchThrowableOfType(ProblemException.class, () -> CompletionRequestParser.parse(body));
		assertThat(ex).as(json).isNotNull();
		return ex.errors().stream().map(FieldProblem::field).findFirst().orElse(null);
	}

}
