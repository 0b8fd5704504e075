package dev.parley.gateway.anthropic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames of Anthropic's event stream for answers that mix text and tool calls, that
 * are empty, and that fail: block numbering, the one ping, and every frame's event line.
 */
class MessageEventsTests {

	private static final JsonMapper JSON = JsonConfiguration.storageJsonMapper();

	private final MessageEvents events = new MessageEvents(JSON, "msg_1", "m", 7, false);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void textThenTwoToolCallsAreThreeBlocksInOrder() {
		write(this.events.start());
		write(this.events.text("Let me check."));
		write(this.events.passthrough(JSON.readTree(
				"{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"a\",\"arguments\":\"\"}}]}")));
		write(this.events.passthrough(
				JSON.readTree("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"x\\\":\"}}]}")));
		write(this.events
			.passthrough(JSON.readTree("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}")));
		write(this.events.passthrough(JSON.readTree(
				"{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"function\":{\"name\":\"b\",\"arguments\":\"{}\"}}]}")));
		write(this.events.finish("tool_calls", new Usage(9, 4)));

		List<JsonNode> frames = frames();
		assertThat(frames).extracting((frame) -> frame.get("type").asString())
			.containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
					"content_block_stop", "content_block_start", "content_block_delta", "content_block_delta",
					"content_block_stop", "content_block_start", "content_block_delta", "content_block_stop",
					"message_delta", "message_stop");
		assertThat(frames.get(0).at("/message/usage").toString()).isEqualTo("{\"input_tokens\":7,\"output_tokens\":0}");
		assertThat(frames.get(1).toString()).isEqualTo(
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
		assertThat(frames.get(4).get("index").asInt()).isZero();
		assertThat(frames.get(5).toString()).isEqualTo("{\"type\":\"content_block_start\",\"index\":1,"
				+ "\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"a\",\"input\":{}}}");
		assertThat(frames.get(6).toString()).isEqualTo("{\"type\":\"content_block_delta\",\"index\":1,"
				+ "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"x\\\":\"}}");
		assertThat(frames.get(7).at("/delta/partial_json").asString()).isEqualTo("1}");
		assertThat(frames.get(9).at("/content_block/name").asString()).isEqualTo("b");
		assertThat(frames.get(9).get("index").asInt()).isEqualTo(2);
		assertThat(frames.get(10).at("/delta/partial_json").asString()).isEqualTo("{}");
		assertThat(frames.get(11).get("index").asInt()).isEqualTo(2);
		assertThat(frames.get(12).toString()).isEqualTo("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
				+ "\"tool_use\",\"stop_sequence\":null},\"usage\":{\"input_tokens\":9,\"output_tokens\":4}}");
	}

	@Test
	void anEmptyAnswerHasAnEmptyTextBlock() {
		write(this.events.start());
		write(this.events.text(""));
		write(this.events.finish("length", new Usage(7, 0)));
		List<JsonNode> frames = frames();
		assertThat(frames).extracting((frame) -> frame.get("type").asString())
			.containsExactly("message_start", "content_block_start", "ping", "content_block_stop", "message_delta",
					"message_stop");
		assertThat(frames.get(4).at("/delta/stop_reason").asString()).isEqualTo("max_tokens");
	}

	@Test
	void aFailureIsAnErrorEvent() {
		write(this.events.start());
		write(this.events.text("par"));
		write(this.events.error(ProviderFailure.RATE_LIMITED, "slow down"));
		List<JsonNode> frames = frames();
		assertThat(frames.getLast().toString())
			.isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
					+ "\"message\":\"slow down\",\"details\":{\"error_code\":\"upstream_rate_limited\"}}}");
		assertThat(new MessageEvents(JSON, "msg_2", "m", 1, true).start()).asString(StandardCharsets.UTF_8)
			.contains("\"cached\":true");
	}

	private void write(byte[] bytes) {
		this.out.writeBytes(bytes);
	}

	/**
	 * Every frame's data, checked to be an event line naming its type and a data line.
	 */
	private List<JsonNode> frames() {
		List<JsonNode> frames = new ArrayList<>();
		for (String frame : this.out.toString(StandardCharsets.UTF_8).split("\n\n")) {
			String[] lines = frame.split("\n");
			assertThat(lines).hasSize(2);
			JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
			assertThat(lines[0]).isEqualTo("event: " + data.get("type").asString());
			frames.add(data);
		}
		return frames;
	}

}
