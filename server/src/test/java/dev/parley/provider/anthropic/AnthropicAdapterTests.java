package dev.parley.provider.anthropic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.sim.RecordedRequest;
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

class AnthropicAdapterTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final StreamWatchdog watchdog = new StreamWatchdog();

	Simulator sim;

	AnthropicAdapter adapter;

	ChatProvider provider;

	/** Short first-token and idle timeouts, for the timeout tests. */
	AnthropicAdapter impatient;

	@BeforeEach
	void start() {
		this.sim = Simulator.start(SimulatorConfig.defaults().withTokens(12).withApiKey("sk-ant-sim"));
		this.adapter = adapter(Duration.ofSeconds(5), Duration.ofSeconds(5));
		this.provider = pooled(this.adapter, "sk-ant-sim");
		this.impatient = adapter(Duration.ofMillis(400), Duration.ofMillis(400));
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.impatient.close();
		this.sim.close();
		this.watchdog.close();
	}

	AnthropicAdapter adapter(Duration firstToken, Duration idle) {
		return new AnthropicAdapter(
				new AnthropicAdapter.Settings("anthropic", this.sim.baseUrl(), "2023-06-01", Duration.ofSeconds(2),
						firstToken, idle, Duration.ofSeconds(5), 4096),
				this.watchdog, new ProviderMetrics(this.registry, "anthropic"), JsonConfiguration.storageJsonMapper());
	}

	static ChatProvider pooled(AnthropicAdapter adapter, String... keys) {
		return new PooledProvider("anthropic", adapter, KeyPool.of(List.of(keys)), 0);
	}

	static ChatRequest request(String model) {
		return ChatRequest.of(model,
				List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi there")));
	}

	@Test
	void aSurrogatePairSplitBetweenTwoDeltasArrivesInOneDelta() {
		Read read = StreamReading.read(this.provider.stream(request("claude?tokens=5&emoji=split")));

		assertThat(read.text()).isEqualTo(Simulator.expectedText(5, true));
		assertThat(read.deltas()).hasSize(5)
			.allSatisfy((delta) -> assertThat(delta.codePoints()
				.filter((point) -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE))
				.as("unpaired surrogates in %s", delta)
				.isEmpty());
	}

	@Test
	void streamsTheWholeTextAndTheUsage() {
		Read read = StreamReading.read(this.provider.stream(request("claude?tokens=7&delay=2")));
		StreamEvent.Finish finish = (StreamEvent.Finish) read.last();

		assertThat(read.text()).isEqualTo(Simulator.expectedText(7));
		assertThat(read.deltas()).hasSize(7).doesNotContain("");
		assertThat(finish.finishReason()).isEqualTo("stop");
		assertThat(finish.usage()).isEqualTo(new Usage(4, 7));
		assertThat(counter("ok")).isEqualTo(1);
		assertThat(this.registry.timer("parley.provider.first_token", "provider", "anthropic").count()).isEqualTo(1);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	/**
	 * The SDKs' base URL is the host ({@code https://api.anthropic.com}), Anthropic's API
	 * reference gives {@code .../v1}: both reach {@code /v1/messages}, with or without a
	 * trailing slash.
	 */
	@Test
	void aBaseUrlWithOrWithoutV1ReachesTheMessagesEndpoint() {
		String host = this.sim.baseUrl().substring(0, this.sim.baseUrl().length() - "/v1".length());
		for (String baseUrl : List.of(host, host + "/", this.sim.baseUrl(), this.sim.baseUrl() + "/")) {
			AnthropicAdapter at = new AnthropicAdapter(
					new AnthropicAdapter.Settings("anthropic", baseUrl, "2023-06-01", Duration.ofSeconds(2),
							Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 4096),
					this.watchdog, new ProviderMetrics(this.registry, "anthropic"),
					JsonConfiguration.storageJsonMapper());
			try {
				ChatProvider provider = pooled(at, "sk-ant-sim");
				assertThat(provider.complete(request("claude?tokens=2")).content()).as(baseUrl)
					.isEqualTo(Simulator.expectedText(2));
				assertThat(StreamReading.read(provider.stream(request("claude?tokens=3"))).text()).as(baseUrl)
					.isEqualTo(Simulator.expectedText(3));
			}
			finally {
				at.close();
			}
		}
		assertThat(AnthropicAdapter.messagesEndpoint("https://gateway.example/v1/acct/anthropic"))
			.as("a proxy's path that does not end in /v1 gets the SDKs' /v1/messages")
			.hasToString("https://gateway.example/v1/acct/anthropic/v1/messages");
	}

	@Test
	void sendsSystemParametersAndHeaders() {
		ChatRequest request = new ChatRequest("claude", List.of(new ChatMessage("system", "be brief"),
				new ChatMessage("user", "hello \"quoted\""), new ChatMessage("system", "be kind")), 0.5, 0.9, 3,
				List.of("END"));
		Completion completion = this.provider.complete(request);

		assertThat(completion.content()).isEqualTo(Simulator.expectedText(3));
		assertThat(completion.finishReason()).isEqualTo("length");
		assertThat(completion.usage()).isEqualTo(new Usage(6, 3));
		assertThat(completion.message()).isNull();
		RecordedRequest sent = this.sim.recentRequests().getLast();
		assertThat(sent.protocol()).isEqualTo(RecordedRequest.ANTHROPIC);
		assertThat(sent.system()).isEqualTo("be brief\n\nbe kind");
		assertThat(sent.messages()).containsExactly(new RecordedRequest.Message("user", "hello \"quoted\""));
		assertThat(sent.maxTokens()).isEqualTo(3);
		assertThat(sent.stream()).isFalse();
		assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-sim");
		assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(sent.header("content-type")).isEqualTo("application/json");
		JsonNode body = JSON.readTree(sent.body());
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
		assertThat(body.has("stop")).isFalse();
	}

	@Test
	void withoutMaxTokensTheDefaultIsSentAndExtraFieldsAreNot() {
		ChatRequest request = request("claude?tokens=2")
			.withExtra(JSON.createObjectNode().put("response_format", "json").put("logprobs", true));
		assertThat(StreamReading.drain(this.provider.stream(request)))
			.isEqualTo(new StreamEvent.Finish("stop", new Usage(4, 2)));

		RecordedRequest sent = this.sim.recentRequests().getLast();
		assertThat(sent.maxTokens()).isEqualTo(4096);
		assertThat(sent.stream()).isTrue();
		assertThat(sent.header("accept")).isEqualTo("text/event-stream");
		assertThat(sent.body()).doesNotContain("response_format", "logprobs");
	}

	@Test
	void aStopSequenceEndsTheReplyWithFinishReasonStop() {
		ChatRequest request = new ChatRequest("claude", List.of(new ChatMessage("user", "go")), null, null, null,
				List.of("gamma"));
		Read read = StreamReading.read(this.provider.stream(request));
		assertThat(read.text()).isEqualTo("alpha beta ");
		assertThat(read.last()).as("the matched sequence is kept beside the finish reason")
			.isEqualTo(new StreamEvent.Finish("stop", new Usage(1, 2), "gamma"));
		Completion completion = this.provider.complete(request);
		assertThat(completion.finishReason()).isEqualTo("stop");
		assertThat(completion.stopSequence()).isEqualTo("gamma");
		assertThat(((StreamEvent.Finish) StreamReading.read(this.provider.stream(request("claude"))).last())
			.stopSequence()).isNull();
	}

	@Test
	void classifiesRateLimitServerErrorAndOverload() {
		ProviderException limited = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("claude?fault=429&retry_after=7")));
		ProviderException error = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("claude?fault=500")));
		ProviderException overloaded = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("claude?fault=529")));
		ProviderException refused = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("claude?fault=400")));
		ProviderException missing = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("claude?fault=404")));

		assertThat(limited.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
		assertThat(limited.httpStatus()).isEqualTo(429);
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(error.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(overloaded.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(overloaded.httpStatus()).isEqualTo(529);
		assertThat(overloaded.getMessage()).contains("Simulated fault: HTTP 529");
		assertThat(refused.failure()).isEqualTo(ProviderFailure.BAD_REQUEST);
		assertThat(refused.getMessage()).contains("Simulated fault: HTTP 400");
		assertThat(missing.failure()).isEqualTo(ProviderFailure.NOT_FOUND);
		assertThat(counter("upstream_rate_limited")).isEqualTo(1);
		assertThat(counter("upstream_error")).isEqualTo(2);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void wrongKeyIsAnAuthenticationFailure() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.adapter.stream(request("claude"), "sk-wrong"));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.AUTHENTICATION);
		assertThat(ex.httpStatus()).isEqualTo(401);
		assertThat(ex.getMessage()).contains("invalid x-api-key").doesNotContain("sk-wrong");
	}

	@Test
	void aRefusedKeyIsTakenOutOfThePoolAndTheNextKeyServes() {
		List<String> rejected = new ArrayList<>();
		KeyPool keys = new KeyPool(List.of("sk-revoked", "sk-ant-sim"), List.of(),
				(index, reason) -> rejected.add(index + ": " + reason));
		ChatProvider twoKeys = new PooledProvider("anthropic", this.adapter, keys, 0);

		assertThat(twoKeys.complete(request("claude?tokens=2")).content()).isEqualTo(Simulator.expectedText(2));
		assertThat(StreamReading.drain(twoKeys.stream(request("claude?tokens=2"))))
			.isInstanceOf(StreamEvent.Finish.class);

		assertThat(rejected).hasSize(1).first().asString().startsWith("0: ").contains("invalid x-api-key");
		assertThat(keys.healthy()).isEqualTo(1);
		assertThat(this.sim.recentRequests()).extracting((sent) -> sent.header("x-api-key"))
			.containsExactly("sk-ant-sim", "sk-ant-sim");
	}

	@Test
	void hangIsAFirstTokenTimeoutAndFreesTheUpstream() {
		assertThatThrownBy(
				() -> StreamReading.drain(pooled(this.impatient, "sk-ant-sim").stream(request("claude?fault=hang"))))
			.isInstanceOfSatisfying(ProviderException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT));
		ProviderException beforeHeaders = catchThrowableOfType(ProviderException.class,
				() -> pooled(this.impatient, "sk-ant-sim").stream(request("claude?fault=hang_headers")));
		assertThat(beforeHeaders.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT);
		StreamReading.awaitNoActiveStreams(this.sim);
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
	}

	@Test
	void aSlowFirstTokenAfterMessageStartIsAFirstTokenTimeout() {
		assertThatThrownBy(
				() -> StreamReading.drain(pooled(this.impatient, "sk-ant-sim").stream(request("claude?ttft=3000"))))
			.isInstanceOfSatisfying(ProviderException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT));
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aSlowGapBetweenTokensIsAnIdleTimeout() {
		Failed failed = StreamReading
			.readUntilFailure(() -> pooled(this.impatient, "sk-ant-sim").stream(request("claude?tokens=3&delay=2000")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.IDLE_TIMEOUT);
		assertThat(failed.deltas()).containsExactly("alpha ");
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aCutStreamIsStreamCutAfterTheFirstDeltas() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("claude?fault=cut&after=3")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
		assertThat(failed.text()).isEqualTo(Simulator.expectedText(3));
		ProviderException nonStream = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("claude?fault=cut")));
		assertThat(nonStream.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void aMalformedEventIsMalformedResponse() {
		Failed failed = StreamReading
			.readUntilFailure(() -> this.provider.stream(request("claude?fault=malformed&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		assertThat(failed.deltas()).hasSize(2);
		ProviderException nonStream = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("claude?fault=malformed")));
		assertThat(nonStream.failure()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void anErrorEventMidStreamIsAServerError() {
		Failed failed = StreamReading
			.readUntilFailure(() -> this.provider.stream(request("claude?fault=error&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(failed.exception().getMessage()).contains("overloaded_error", "Overloaded");
		assertThat(failed.text()).isEqualTo(Simulator.expectedText(2));
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void closeFromAnotherThreadCancelsTheUpstream() throws Exception {
		CompletionStream stream = this.provider.stream(request("claude?tokens=1000&delay=50"));
		assertThat(stream.next()).isInstanceOf(StreamEvent.Delta.class);
		StreamReading.assertCloseCancels(stream, Duration.ofSeconds(5));
		StreamReading.awaitNoActiveStreams(this.sim);
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
		assertThat(counter("cancelled")).isEqualTo(1);
	}

	@Test
	void interruptingTheReaderCancelsTheUpstream() throws Exception {
		CompletionStream stream = this.provider.stream(request("claude?tokens=1000&delay=50"));
		StreamReading.assertInterruptCancels(stream, 5000);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	@Test
	void keepsConnectionsAliveAcrossCalls() {
		for (int i = 0; i < 20; i++) {
			assertThat(StreamReading.drain(this.provider.stream(request("claude?tokens=2"))))
				.isInstanceOf(StreamEvent.Finish.class);
		}
		assertThat(this.sim.requestCount()).isEqualTo(20);
		StreamReading.awaitNoActiveStreams(this.sim);
	}

	double counter(String outcome) {
		return this.registry.counter("parley.provider.calls", "provider", "anthropic", "outcome", outcome).count();
	}

}
