package dev.parley.provider;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that cuts its text between the two halves of a surrogate pair (the
 * simulator's {@code emoji=split}: an emoji whose {@code \ud83d} ends one delta and whose
 * {@code \ude00} starts the next) reaches every client whole: each chat {@code chunk}, a
 * resume from any event, and each gateway chunk is valid text, and the chunks joined are
 * {@code end.full_text} and the stored reply.
 */
class SplitSurrogatePairsIT extends WholeAppTestBase {

	private static final String MODEL = "sim?tokens=6&emoji=split";

	private static final String EXPECTED = Simulator.expectedText(6, true);

	@Test
	void chatChunksAndTheirResumeAreWholeAndJoinToTheFullText() {
		String conversation = createConversation();
		List<SseClient.Frame> frames;
		try (SseClient sse = stream(conversation, message("Smile", MODEL))) {
			assertThat(sse.status()).isEqualTo(200);
			frames = sse.untilTerminal();
		}
		List<String> chunks = chunks(frames);
		assertThat(chunks).isNotEmpty().allSatisfy(SplitSurrogatePairsIT::assertWhole);
		assertThat(String.join("", chunks)).isEqualTo(EXPECTED);
		SseClient.Frame end = frames.getLast();
		assertThat(end.text("full_text")).isEqualTo(EXPECTED);
		assertThat(messages(conversation).get(0).get("content").asString()).isEqualTo(EXPECTED);

		for (int after = 0; after < frames.size() - 1; after++) {
			String seen = String.join("", chunks(frames.subList(0, after + 1)));
			List<SseClient.Frame> rest;
			try (SseClient resumed = resume(conversation, frames.get(after).id())) {
				rest = resumed.untilTerminal();
			}
			assertThat(chunks(rest)).allSatisfy(SplitSurrogatePairsIT::assertWhole);
			assertThat(seen + String.join("", chunks(rest))).as("resumed after event %d", after).isEqualTo(EXPECTED);
		}
	}

	@Test
	void gatewayChunksAreWholeAndJoinToTheReply() {
		String key = apiKey(user(), "gateway");
		Response response = send("POST", "/v1/chat/completions", "Bearer " + key, "{\"model\":\"" + MODEL
				+ "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Smile\"}]}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> frames = SseClient.dataFrames(response.body());
		assertThat(frames.getLast()).isEqualTo("[DONE]");
		List<String> contents = frames.subList(0, frames.size() - 1)
			.stream()
			.map(JSON::readTree)
			.map((chunk) -> chunk.at("/choices/0/delta/content"))
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.filter((content) -> !content.isEmpty())
			.toList();
		assertThat(contents).isNotEmpty().allSatisfy(SplitSurrogatePairsIT::assertWhole);
		assertThat(String.join("", contents)).isEqualTo(EXPECTED);
	}

	private static List<String> chunks(List<SseClient.Frame> frames) {
		return frames.stream()
			.filter((frame) -> frame.type().equals("chunk"))
			.map((frame) -> frame.text("content"))
			.collect(Collectors.toList());
	}

	/** Valid text on its own: no half of a surrogate pair, nothing replaced. */
	static void assertWhole(String text) {
		assertThat(text.codePoints()
			.filter((point) -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE))
			.as("unpaired surrogates in %s", text)
			.isEmpty();
		assertThat(text).doesNotContain("?", "\uFFFD");
	}

}
