package dev.parley.provider.anthropic;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.provider.AdapterFixture;
import dev.parley.provider.AdapterFixture.Protocol;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;
import dev.parley.provider.transport.HttpProtocolAdapter;
import dev.parley.testsupport.StreamReading;
import dev.parley.testsupport.StreamReading.Failed;
import dev.parley.testsupport.StreamReading.Read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the Anthropic adapter does on its own: its endpoint, the Messages body and headers
 * it sends, stop sequences and Anthropic's overload errors. What both adapters do alike
 * is in {@code ProtocolAdapterContractTests}.
 */
class AnthropicAdapterTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	AdapterFixture upstream;

	ChatProvider provider;

	@BeforeEach
	void start() {
		this.upstream = AdapterFixture.start(Protocol.ANTHROPIC);
		this.provider = this.upstream.provider();
	}

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	/**
	 * The SDKs' base URL is the host ({@code https://api.anthropic.com}), Anthropic's API
	 * reference gives {@code .../v1}: both reach {@code /v1/messages}, with or without a
	 * trailing slash.
	 */
	@Test
	void aBaseUrlWithOrWithoutV1ReachesTheMessagesEndpoint() {
		String v1 = this.upstream.sim().baseUrl();
		String host = v1.substring(0, v1.length() - "/v1".length());
		for (String baseUrl : List.of(host, host + "/", v1, v1 + "/")) {
			try (HttpProtocolAdapter at = this.upstream.adapter(baseUrl, Duration.ofSeconds(5),
					Duration.ofSeconds(5))) {
				ChatProvider provider = this.upstream.pooled(at, "sk-ant-sim");
				assertThat(provider.complete(this.upstream.request("?tokens=2")).content()).as(baseUrl)
					.isEqualTo(Simulator.expectedText(2));
				assertThat(StreamReading.read(provider.stream(this.upstream.request("?tokens=3"))).text()).as(baseUrl)
					.isEqualTo(Simulator.expectedText(3));
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
		RecordedRequest sent = this.upstream.sim().recentRequests().getLast();
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
		ChatRequest request = this.upstream.request("?tokens=2")
			.withExtra(JSON.createObjectNode().put("response_format", "json").put("logprobs", true));
		assertThat(StreamReading.drain(this.provider.stream(request)))
			.isEqualTo(new StreamEvent.Finish("stop", new Usage(4, 2)));

		RecordedRequest sent = this.upstream.sim().recentRequests().getLast();
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
		assertThat(((StreamEvent.Finish) StreamReading.read(this.provider.stream(this.upstream.request(""))).last())
			.stopSequence()).isNull();
	}

	@Test
	void anOverloadIsAServerErrorBeforeOrDuringTheStream() {
		ProviderException overloaded = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(this.upstream.request("?fault=529")));
		assertThat(overloaded.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(overloaded.httpStatus()).isEqualTo(529);
		assertThat(overloaded.detail()).contains("Simulated fault: HTTP 529");
		assertThat(this.upstream.calls("upstream_error")).isEqualTo(1);

		Failed failed = StreamReading
			.readUntilFailure(() -> this.provider.stream(this.upstream.request("?fault=error&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(failed.exception().detail()).contains("overloaded_error", "Overloaded");
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

}
