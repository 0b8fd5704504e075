package dev.parley.provider;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.anthropic.AnthropicAdapter;
import dev.parley.provider.catalog.KeyPool;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.openai.OpenAiAdapter;
import dev.parley.provider.transport.HttpProtocolAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;

/**
 * The protocol adapter of one wire protocol against a simulator of its own, as the
 * adapter tests build it: an adapter with generous deadlines and an impatient one (400 ms
 * to the first token and between two), each pooled with the key the simulator accepts,
 * and the metrics both record. Closed after each test.
 */
public final class AdapterFixture implements AutoCloseable {

	/** What differs between the wire protocols in the tests that hold for both. */
	public enum Protocol {

		/** OpenAI's chat completions. */
		OPENAI("openai", "sim", "sk-sim", "Incorrect API key") {

			@Override
			HttpProtocolAdapter adapter(String baseUrl, Duration firstToken, Duration idle, StreamWatchdog watchdog,
					EgressPolicy egress, ProviderMetrics metrics) {
				return new OpenAiAdapter(
						new OpenAiAdapter.Settings(id(), baseUrl, null, CONNECT, firstToken, idle, REQUEST, true),
						watchdog, egress, metrics, JsonConfiguration.storageJsonMapper());
			}

			@Override
			public String sentKey(RecordedRequest sent) {
				return sent.header("authorization").substring("Bearer ".length());
			}

		},

		/** Anthropic's Messages. */
		ANTHROPIC("anthropic", "claude", "sk-ant-sim", "invalid x-api-key") {

			@Override
			HttpProtocolAdapter adapter(String baseUrl, Duration firstToken, Duration idle, StreamWatchdog watchdog,
					EgressPolicy egress, ProviderMetrics metrics) {
				return new AnthropicAdapter(
						new AnthropicAdapter.Settings(id(), baseUrl, AnthropicAdapter.DEFAULT_VERSION, CONNECT,
								firstToken, idle, REQUEST, AnthropicAdapter.DEFAULT_MAX_TOKENS),
						watchdog, egress, metrics, JsonConfiguration.storageJsonMapper());
			}

			@Override
			public String sentKey(RecordedRequest sent) {
				return sent.header("x-api-key");
			}

		};

		private static final Duration CONNECT = Duration.ofSeconds(2);

		private static final Duration REQUEST = Duration.ofSeconds(5);

		private final String id;

		private final String model;

		private final String key;

		private final String wrongKeyMessage;

		Protocol(String id, String model, String key, String wrongKeyMessage) {
			this.id = id;
			this.model = model;
			this.key = key;
			this.wrongKeyMessage = wrongKeyMessage;
		}

		/** The provider id, which the metrics carry. */
		public String id() {
			return this.id;
		}

		/** The key the simulator accepts. */
		public String key() {
			return this.key;
		}

		/** What the simulator's refusal of any other key says. */
		public String wrongKeyMessage() {
			return this.wrongKeyMessage;
		}

		/** The key a recorded call carried. */
		public abstract String sentKey(RecordedRequest sent);

		abstract HttpProtocolAdapter adapter(String baseUrl, Duration firstToken, Duration idle,
				StreamWatchdog watchdog, EgressPolicy egress, ProviderMetrics metrics);

		@Override
		public String toString() {
			return this.id;
		}

	}

	private final Protocol protocol;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final StreamWatchdog watchdog = new StreamWatchdog();

	private final Simulator sim;

	private final HttpProtocolAdapter adapter;

	private final HttpProtocolAdapter impatient;

	private AdapterFixture(Protocol protocol) {
		this.protocol = protocol;
		this.sim = Simulator.start(SimulatorConfig.defaults().withTokens(12).withApiKey(protocol.key()));
		this.adapter = adapter(this.sim.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5));
		this.impatient = adapter(this.sim.baseUrl(), Duration.ofMillis(400), Duration.ofMillis(400));
	}

	/** A simulator and the protocol's adapters on it. */
	public static AdapterFixture start(Protocol protocol) {
		return new AdapterFixture(protocol);
	}

	public Protocol protocol() {
		return this.protocol;
	}

	public Simulator sim() {
		return this.sim;
	}

	/** The adapter with generous deadlines (5 s to the first token and between two). */
	public HttpProtocolAdapter adapter() {
		return this.adapter;
	}

	/** The watchdog of the fixture's adapters, for another adapter of the protocol. */
	public StreamWatchdog watchdog() {
		return this.watchdog;
	}

	/** The fixture's metrics, for another adapter of the protocol. */
	public ProviderMetrics metrics() {
		return new ProviderMetrics(this.registry, this.protocol.id());
	}

	/** The generous adapter with the simulator's key. */
	public ChatProvider provider() {
		return pooled(this.adapter, this.protocol.key());
	}

	/** The impatient adapter with the simulator's key. */
	public ChatProvider impatient() {
		return pooled(this.impatient, this.protocol.key());
	}

	/**
	 * Another adapter of the protocol, for the caller to close; its metrics are the
	 * fixture's.
	 */
	public HttpProtocolAdapter adapter(String baseUrl, Duration firstToken, Duration idle) {
		return this.protocol.adapter(baseUrl, firstToken, idle, this.watchdog, EgressPolicy.defaults(), metrics());
	}

	/**
	 * Another adapter of the protocol under this egress policy (generous deadlines), for
	 * the caller to close; its metrics are the fixture's.
	 */
	public HttpProtocolAdapter adapter(String baseUrl, EgressPolicy egress) {
		return this.protocol.adapter(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(5), this.watchdog, egress,
				metrics());
	}

	/** {@code adapter} with these keys, in this order. */
	public ChatProvider pooled(HttpProtocolAdapter adapter, String... keys) {
		return new PooledProvider(this.protocol.id(), adapter, KeyPool.of(List.of(keys)), 0);
	}

	/**
	 * A system prompt and a user message for the simulator's model with these parameters
	 * ({@code "?tokens=3"}, or {@code ""}).
	 */
	public ChatRequest request(String parameters) {
		return ChatRequest.of(model(parameters),
				List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi there")));
	}

	/** The simulator's model name with these parameters. */
	public String model(String parameters) {
		return this.protocol.model + parameters;
	}

	/** How many calls ended with this outcome ({@code ok}, {@code cancelled}, ...). */
	public double calls(String outcome) {
		return this.registry.counter("parley.provider.calls", "provider", this.protocol.id(), "outcome", outcome)
			.count();
	}

	/** How many streams got their first token. */
	public long firstTokens() {
		return this.registry.timer("parley.provider.first_token", "provider", this.protocol.id()).count();
	}

	@Override
	public void close() {
		this.adapter.close();
		this.impatient.close();
		this.sim.close();
		this.watchdog.close();
	}

}
