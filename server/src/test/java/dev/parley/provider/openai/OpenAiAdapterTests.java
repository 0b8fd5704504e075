package dev.parley.provider.openai;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;
import dev.parley.provider.catalog.KeyPool;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.testsupport.StreamReading;
import dev.parley.testsupport.StreamReading.Failed;
import dev.parley.testsupport.StreamReading.Read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiAdapterTests {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final StreamWatchdog watchdog = new StreamWatchdog();

	Simulator sim;

	ChatProvider provider;

	OpenAiAdapter adapter;

	@BeforeEach
	void start() {
		this.sim = Simulator.start(SimulatorConfig.defaults().withTokens(12).withApiKey("sk-sim"));
		this.adapter = adapter(this.sim.baseUrl(), Duration.ofMillis(400), Duration.ofMillis(400), true);
		this.provider = pooled(this.adapter, "sk-sim");
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.sim.close();
		this.watchdog.close();
	}

	OpenAiAdapter adapter(String baseUrl, Duration firstToken, Duration idle, boolean streamUsage) {
		return new OpenAiAdapter(
				new OpenAiAdapter.Settings("openai", baseUrl, null, Duration.ofSeconds(2), firstToken, idle,
						Duration.ofSeconds(2), streamUsage),
				this.watchdog, new ProviderMetrics(this.registry, "openai"), JsonConfiguration.storageJsonMapper());
	}

	static ChatProvider pooled(OpenAiAdapter adapter, String... keys) {
		return new PooledProvider("openai", adapter, KeyPool.of(List.of(keys)), 0);
	}

	static ChatRequest request(String model) {
		return ChatRequest.of(model,
				List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi there")));
	}

	@Test
	void aSurrogatePairSplitBetweenTwoDeltasArrivesInOneDelta() {
		Read read = StreamReading.read(this.provider.stream(request("sim?tokens=5&emoji=split")));

		assertThat(read.text()).isEqualTo(Simulator.expectedText(5, true));
		assertThat(read.deltas()).hasSize(5)
			.allSatisfy((delta) -> assertThat(delta.codePoints()
				.filter((point) -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE))
				.as("unpaired surrogates in %s", delta)
				.isEmpty());
	}

	@Test
	void streamsTheWholeTextAndTheUsage() {
		Read read = StreamReading.read(this.provider.stream(request("sim?tokens=7&delay=2")));
		StreamEvent.Finish finish = (StreamEvent.Finish) read.last();

		assertThat(read.text()).isEqualTo(Simulator.expectedText(7));
		assertThat(read.deltas()).hasSize(7).doesNotContain("");
		assertThat(finish.finishReason()).isEqualTo("stop");
		assertThat(finish.usage()).isEqualTo(new Usage(4, 7));
		assertThat(this.registry.counter("parley.provider.calls", "provider", "openai", "outcome", "ok").count())
			.isEqualTo(1);
		assertThat(this.registry.timer("parley.provider.first_token", "provider", "openai").count()).isEqualTo(1);
	}

	@Test
	void sendsTheContextAndParameters() {
		ChatRequest request = new ChatRequest("sim", List.of(new ChatMessage("user", "hello \"quoted\"")), 0.5, 0.9, 3,
				List.of("END"));
		Completion completion = this.provider.complete(request);

		assertThat(completion.content()).isEqualTo(Simulator.expectedText(3));
		assertThat(completion.finishReason()).isEqualTo("length");
		assertThat(completion.usage()).isEqualTo(new Usage(2, 3));
		var sent = this.sim.recentRequests().getLast();
		assertThat(sent.lastUserMessage()).isEqualTo("hello \"quoted\"");
		assertThat(sent.body())
			.contains("\"temperature\":0.5", "\"top_p\":0.9", "\"max_tokens\":3", "\"stop\":[\"END\"]")
			.doesNotContain("stream_options");
	}

	@Test
	void withoutStreamUsageTheFinishHasNoUsage() {
		try (OpenAiAdapter noUsage = adapter(this.sim.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2), false)) {
			StreamEvent last = StreamReading.drain(noUsage.stream(request("sim?tokens=2"), "sk-sim"));
			assertThat(last).isEqualTo(new StreamEvent.Finish("stop", null));
		}
		assertThat(this.sim.recentRequests().getLast().body()).doesNotContain("stream_options");
	}

	@Test
	void classifiesServerErrorAndRateLimitWithRetryAfter() {
		ProviderException error = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("sim?fault=500")));
		ProviderException limited = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("sim?fault=429&retry_after=7")));
		ProviderException refused = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("sim?fault=400")));

		assertThat(error.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(limited.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(refused.failure()).isEqualTo(ProviderFailure.BAD_REQUEST);
		assertThat(refused.getMessage()).contains("Simulated fault: HTTP 400");
		assertThat(
				this.registry.counter("parley.provider.calls", "provider", "openai", "outcome", "upstream_rate_limited")
					.count())
			.isEqualTo(1);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void wrongKeyIsAnAuthenticationFailure() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.adapter.stream(request("sim"), "sk-wrong"));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.AUTHENTICATION);
		assertThat(ex.httpStatus()).isEqualTo(401);
		assertThat(ex.getMessage()).contains("Incorrect API key");
	}

	@Test
	void hangIsAFirstTokenTimeoutAndFreesTheUpstream() {
		long start = System.nanoTime();
		assertThatThrownBy(() -> StreamReading.drain(this.provider.stream(request("sim?fault=hang"))))
			.isInstanceOfSatisfying(ProviderException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(350),
				Duration.ofSeconds(3));
		StreamReading.awaitNoActiveStreams(this.sim);
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
	}

	@Test
	void hangBeforeHeadersIsAFirstTokenTimeoutToo() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("sim?fault=hang_headers")));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT);
	}

	@Test
	void aSlowGapBetweenTokensIsAnIdleTimeout() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("sim?tokens=3&delay=2000")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.IDLE_TIMEOUT);
		assertThat(failed.deltas()).containsExactly("alpha ");
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aCutStreamIsStreamCutAfterTheFirstDeltas() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("sim?fault=cut&after=3")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
		assertThat(failed.text()).isEqualTo(Simulator.expectedText(3));
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aMalformedChunkIsMalformedResponse() {
		Failed failed = StreamReading
			.readUntilFailure(() -> this.provider.stream(request("sim?fault=malformed&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		assertThat(failed.deltas()).hasSize(2);
		ProviderException nonStream = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("sim?fault=malformed")));
		assertThat(nonStream.failure()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aCutNonStreamingReplyIsStreamCut() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("sim?fault=cut")));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
	}

	@Test
	void aRefusedConnectionIsAConnectError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (OpenAiAdapter unreachable = adapter("http://127.0.0.1:" + port + "/v1", Duration.ofSeconds(1),
				Duration.ofSeconds(1), true)) {
			ChatProvider nowhere = pooled(unreachable);
			ProviderException streamed = catchThrowableOfType(ProviderException.class,
					() -> nowhere.stream(request("sim")));
			ProviderException completed = catchThrowableOfType(ProviderException.class,
					() -> nowhere.complete(request("sim")));
			assertThat(streamed.failure()).isEqualTo(ProviderFailure.CONNECT_ERROR);
			assertThat(completed.failure()).isEqualTo(ProviderFailure.CONNECT_ERROR);
		}
	}

	@Test
	void closeFromAnotherThreadCancelsTheUpstreamAtOnce() throws Exception {
		CompletionStream stream = this.provider.stream(request("sim?tokens=1000&delay=50"));
		assertThat(stream.next()).isInstanceOf(StreamEvent.Delta.class);
		StreamReading.assertCloseCancels(stream, Duration.ofSeconds(1));
		StreamReading.awaitNoActiveStreams(this.sim);
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
		assertThat(this.registry.counter("parley.provider.calls", "provider", "openai", "outcome", "cancelled").count())
			.isEqualTo(1);
	}

	@Test
	void interruptingTheReaderCancelsTheUpstream() throws Exception {
		CompletionStream stream = this.provider.stream(request("sim?tokens=1000&delay=50"));
		StreamReading.assertInterruptCancels(stream, 2000);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void keepsConnectionsAliveAcrossCalls() {
		for (int i = 0; i < 30; i++) {
			assertThat(StreamReading.drain(this.provider.stream(request("sim?tokens=2"))))
				.isInstanceOf(StreamEvent.Finish.class);
		}
		assertThat(this.sim.requestCount()).isEqualTo(30);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

}
