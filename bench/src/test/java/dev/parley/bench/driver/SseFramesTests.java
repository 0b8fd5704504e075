package dev.parley.bench.driver;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramesTests {

	@Test
	void classifiesParleyEnvelopeTypes() {
		assertThat(parley("data: {\"type\":\"start\",\"data\":{\"message_id\":\"m\"}}"))
			.isEqualTo(SseFrames.Kind.OTHER);
		assertThat(parley("data: {\"type\":\"chunk\",\"data\":{\"content\":\"Hi\"}}")).isEqualTo(SseFrames.Kind.TOKEN);
		assertThat(parley("data: {\"type\":\"end\",\"data\":{\"status\":\"complete\"}}")).isEqualTo(SseFrames.Kind.END);
		assertThat(parley("data:{ \"type\" : \"error\", \"data\":{\"code\":\"x\"}}")).isEqualTo(SseFrames.Kind.ERROR);
	}

	@Test
	void ignoresNonDataLines() {
		assertThat(parley(": heartbeat")).isEqualTo(SseFrames.Kind.OTHER);
		assertThat(parley("id: 42")).isEqualTo(SseFrames.Kind.OTHER);
		assertThat(parley("")).isEqualTo(SseFrames.Kind.OTHER);
		assertThat(openAi(": keep-alive")).isEqualTo(SseFrames.Kind.OTHER);
	}

	@Test
	void readsOnlyTheTopLevelTypeOfAParleyFrame() {
		assertThat(parley(
				"data: {\"data\":{\"type\":\"end\",\"content\":\"\\\"type\\\":\\\"end\\\"\"},\"type\":\"chunk\"}"))
			.isEqualTo(SseFrames.Kind.TOKEN);
		assertThat(parley("data: {\"data\":{\"content\":\"type\"},\"note\":\"type\"}")).isEqualTo(SseFrames.Kind.OTHER);
	}

	@Test
	void countsOnlyOpenAiDeltasWithText() {
		assertThat(openAi("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}"))
			.isEqualTo(SseFrames.Kind.OTHER);
		assertThat(openAi("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
			.isEqualTo(SseFrames.Kind.OTHER);
		assertThat(openAi("data: {\"choices\":[{\"delta\":{\"content\":null},\"finish_reason\":\"stop\"}]}"))
			.isEqualTo(SseFrames.Kind.OTHER);
		assertThat(openAi("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}")).isEqualTo(SseFrames.Kind.TOKEN);
		assertThat(openAi("data: {\"choices\":[{\"delta\":{\"content\":\"an error\"}}]}"))
			.isEqualTo(SseFrames.Kind.TOKEN);
	}

	@Test
	void recognisesOpenAiDoneAndErrors() {
		assertThat(openAi("data: [DONE]")).isEqualTo(SseFrames.Kind.END);
		assertThat(openAi("data: {\"error\":{\"message\":\"boom\",\"code\":\"500\"}}")).isEqualTo(SseFrames.Kind.ERROR);
	}

	@Test
	void classifiesALineInTheMiddleOfABuffer() {
		byte[] b = "xxdata: {\"type\":\"end\"}yy".getBytes(StandardCharsets.UTF_8);
		assertThat(SseFrames.parley(b, 2, b.length - 4)).isEqualTo(SseFrames.Kind.END);
		assertThat(SseFrames.parley(b, 2, b.length - 6)).isEqualTo(SseFrames.Kind.OTHER);
	}

	@Test
	void checksTheStatusOfParleysEndFrame() {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(ParleyTarget.endStatusProblem(json, "data: {\"type\":\"end\",\"data\":{\"status\":\"complete\"}}"))
			.isNull();
		assertThat(ParleyTarget.endStatusProblem(json, "data: {\"type\":\"end\",\"data\":{\"full_text\":\"x\"}}"))
			.isNull();
		assertThat(
				ParleyTarget.endStatusProblem(json, "data: {\"type\":\"end\",\"data\":{\"status\":\"interrupted\"}}"))
			.isEqualTo("end status interrupted");
		assertThat(ParleyTarget.endStatusProblem(json, "data: {\"type\":")).isEqualTo("malformed end frame");
	}

	private static SseFrames.Kind parley(String line) {
		byte[] b = line.getBytes(StandardCharsets.UTF_8);
		return SseFrames.parley(b, 0, b.length);
	}

	private static SseFrames.Kind openAi(String line) {
		byte[] b = line.getBytes(StandardCharsets.UTF_8);
		return SseFrames.openAi(b, 0, b.length);
	}

}
