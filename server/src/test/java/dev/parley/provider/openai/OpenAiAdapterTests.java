package dev.parley.provider.openai;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.AdapterFixture;
import dev.parley.provider.AdapterFixture.Protocol;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.testsupport.StreamReading;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OpenAI adapter does on its own: the request body it sends and streams without
 * usage. What both adapters do alike is in {@code ProtocolAdapterContractTests}.
 */
class OpenAiAdapterTests {

	AdapterFixture upstream;

	@BeforeEach
	void start() {
		this.upstream = AdapterFixture.start(Protocol.OPENAI);
	}

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void sendsTheContextAndParameters() {
		ChatRequest request = new ChatRequest("sim", List.of(new ChatMessage("user", "hello \"quoted\"")), 0.5, 0.9, 3,
				List.of("END"));
		Completion completion = this.upstream.provider().complete(request);

		assertThat(completion.content()).isEqualTo(Simulator.expectedText(3));
		assertThat(completion.finishReason()).isEqualTo("length");
		assertThat(completion.usage()).isEqualTo(new Usage(2, 3));
		RecordedRequest sent = this.upstream.sim().recentRequests().getLast();
		assertThat(sent.lastUserMessage()).isEqualTo("hello \"quoted\"");
		assertThat(sent.body())
			.contains("\"temperature\":0.5", "\"top_p\":0.9", "\"max_tokens\":3", "\"stop\":[\"END\"]")
			.doesNotContain("stream_options");
	}

	@Test
	void withoutStreamUsageTheFinishHasNoUsage() {
		OpenAiAdapter.Settings settings = new OpenAiAdapter.Settings("openai", this.upstream.sim().baseUrl(), null,
				Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), false);
		try (OpenAiAdapter noUsage = new OpenAiAdapter(settings, this.upstream.watchdog(), EgressPolicy.defaults(),
				this.upstream.metrics(), JsonConfiguration.storageJsonMapper())) {
			StreamEvent last = StreamReading.drain(noUsage.stream(this.upstream.request("?tokens=2"), "sk-sim"));
			assertThat(last).isEqualTo(new StreamEvent.Finish("stop", null));
		}
		assertThat(this.upstream.sim().recentRequests().getLast().body()).doesNotContain("stream_options");
	}

}
