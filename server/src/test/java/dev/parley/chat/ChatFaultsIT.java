package dev.parley.chat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider faults driven through the simulator over real HTTP: the client gets one
 * {@code error} event with a code, the user message stays, a partial reply is kept with
 * the right status, and the simulator's connections are all released.
 */
@TestPropertySource(properties = { "parley.provider.first-token-timeout=1s", "parley.provider.idle-timeout=2s" })
class ChatFaultsIT extends WholeAppTestBase {

	@ParameterizedTest
	@CsvSource({ "sim?fault=500, upstream_unavailable, failed, 0",
			"sim?fault=429&retry_after=1, upstream_rate_limited, failed, 0",
			"sim?fault=hang, upstream_unavailable, failed, 0",
			"sim?fault=hang_headers, upstream_unavailable, failed, 0",
			"sim?fault=cut&after=3, upstream_stream_cut, interrupted, 3",
			"sim?fault=malformed&after=2, upstream_malformed, interrupted, 2" })
	void aProviderFaultEndsTheStreamWithAnErrorEventAndKeepsWhatArrived(String model, String code, String status,
			int tokensBefore) {
		String conversation = createConversation();
		List<SseClient.Frame> frames;
		try (SseClient sse = stream(conversation, message("Hello", model))) {
			assertThat(sse.status()).isEqualTo(200);
			frames = sse.untilTerminal();
		}
		SseClient.Frame error = frames.get(frames.size() - 1);
		assertThat(error.type()).isEqualTo("error");
		assertThat(error.text("code")).isEqualTo(code);
		assertThat(error.text("status")).isEqualTo(status);
		assertThat(frames.stream().filter((f) -> f.type().equals("error")).count()).isEqualTo(1);
		assertThat(frames.stream().filter((f) -> f.type().equals("chunk")).count()).isEqualTo(tokensBefore);

		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(1).get("role").asString()).isEqualTo("user");
		assertThat(stored.get(1).get("content").asString()).isEqualTo("Hello");
		assertThat(stored.get(0).get("status").asString()).isEqualTo(status);
		assertThat(stored.get(0).get("content").asString()).isEqualTo(Simulator.expectedText(tokensBefore));
		Eventually.eventually("the simulator's streams to close").until(() -> TestSimulator.get().activeStreams() == 0);
		assertThat(sendMessage(conversation, message("again", "sim?tokens=2")).status())
			.as("the conversation is free again")
			.isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "sim?fault=500", "sim?fault=cut&after=2" })
	void aNonStreamingCallThatFailsAnswers502NamingTheStoredMessages(String model) {
		String conversation = createConversation();
		Response response = sendMessage(conversation, message("Hello", model));
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).endsWith("/upstream-failed");
		assertThat(problem.get("user_message").get("content").asString()).isEqualTo("Hello");
		assertThat(messages(conversation)).hasSize(2);
	}

	@Test
	void aNonStreamingCallWhoseProviderIsRateLimitedAnswers429WithRetryAfter() {
		String conversation = createConversation();
		Response response = sendMessage(conversation, message("Hello", "sim?fault=429&retry_after=8"));
		assertThat(response.status()).as(response.body()).isEqualTo(429);
		assertThat(response.json().get("type").asString()).endsWith("/upstream-rate-limited");
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 8));
		assertThat(response.json().get("user_message").get("content").asString()).isEqualTo("Hello");
		assertThat(response.json().get("assistant_message").get("status").asString()).isEqualTo("failed");
	}

}
