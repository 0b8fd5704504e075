package dev.parley.provider.anthropic;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicMessagesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode body(ChatRequest request) {
		return JSON.readTree(AnthropicMessages.body(request, true, 4096, JSON));
	}

	static ChatRequest request(ChatMessage... messages) {
		return ChatRequest.of("claude", List.of(messages));
	}

	@Test
	void systemMessagesGoToTheTopAndSameRoleTurnsAreMerged() {
		JsonNode body = body(request(new ChatMessage("system", "rule one"), new ChatMessage("user", "a"),
				new ChatMessage("user", "b"), new ChatMessage("system", "rule two"), new ChatMessage("assistant", "c"),
				new ChatMessage("tool", "d"), new ChatMessage("user", "e")));

		assertThat(body.path("system").asString()).isEqualTo("rule one\n\nrule two");
		assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"a\\n\\nb\"},"
				+ "{\"role\":\"assistant\",\"content\":\"c\"},{\"role\":\"user\",\"content\":\"d\\n\\ne\"}]");
		assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
		assertThat(body.path("stream").asBoolean()).isTrue();
	}

	@Test
	void aLeadingAssistantTurnGetsAUserTurnBeforeItAndBlankMessagesAreLeftOut() {
		JsonNode body = body(
				request(new ChatMessage("assistant", "Hello, how can I help?"), new ChatMessage("user", "  "),
						new ChatMessage("user", "my order"), new ChatMessage("assistant", "Sure: ")));

		assertThat(body.has("system")).isFalse();
		assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\".\"},"
				+ "{\"role\":\"assistant\",\"content\":\"Hello, how can I help?\"},"
				+ "{\"role\":\"user\",\"content\":\"my order\"},{\"role\":\"assistant\",\"content\":\"Sure:\"}]");
	}

	@Test
	void onlyASystemPromptStillSendsAUserTurn() {
		JsonNode body = body(request(new ChatMessage("system", "rules")));
		assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\".\"}]");
	}

	@Test
	void temperatureIsClampedToAnthropicsRangeAndEmptyStopsAreDropped() {
		JsonNode body = body(
				new ChatRequest("claude", List.of(new ChatMessage("user", "x")), 1.7, null, 10, List.of("", "STOP")));
		assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
		assertThat(body.has("top_p")).isFalse();
		assertThat(body.path("max_tokens").asInt()).isEqualTo(10);
		assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"STOP\"]");
	}

	@Test
	void stopReasonsGetOpenAiNamesAndCacheTokensCountAsPrompt() {
		assertThat(AnthropicMessages.finishReason("end_turn")).isEqualTo("stop");
		assertThat(AnthropicMessages.finishReason("stop_sequence")).isEqualTo("stop");
		assertThat(AnthropicMessages.finishReason("max_tokens")).isEqualTo("length");
		assertThat(AnthropicMessages.finishReason("tool_use")).isEqualTo("tool_calls");
		assertThat(AnthropicMessages.finishReason("refusal")).isEqualTo("content_filter");
		assertThat(AnthropicMessages.finishReason(null)).isEqualTo("stop");
		assertThat(AnthropicMessages.inputTokens(JSON
			.readTree("{\"input_tokens\":5,\"cache_creation_input_tokens\":10,\"cache_read_input_tokens\":100}")))
			.isEqualTo(115);
	}

}
