package dev.parley.provider.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.RoutedCompletion;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.UpstreamLimiter;
import dev.parley.provider.catalog.KeyPool;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.egress.EgressProperties;
import dev.parley.provider.openai.OpenAiAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The router against two simulated providers over real HTTP: failover before the first
 * token, none after it, retries honouring Retry-After, circuit breakers, key rotation.
 */
class DefaultChatRouterTests {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final StreamWatchdog watchdog = new StreamWatchdog();

	final Simulator simA = Simulator.start(SimulatorConfig.defaults().withTokens(4));

	final Simulator simB = Simulator.start(SimulatorConfig.defaults().withTokens(4).withApiKey("sk-good"));

	final Map<String, ChatProvider> providers = new HashMap<>();

	final List<OpenAiAdapter> adapters = new ArrayList<>();

	final List<String> rejectedKeys = new CopyOnWriteArrayList<>();

	final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
		.slidingWindowSize(4)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofMillis(500))
		.permittedNumberOfCallsInHalfOpenState(1)
		.build());

	final UpstreamLimiter limiter = new DefaultUpstreamLimiter(100, 100, this.registry);

	final DefaultChatRouter router = new DefaultChatRouter(new MapCatalog(), this.limiter, this.breakers,
			new RoutingProperties(1, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2),
					new RoutingProperties.Breaker(50, 4, 4, Duration.ofMillis(500), 1)),
			new RoutingMetrics(this.registry), new TargetFailures(Clock.systemUTC()));

	DefaultChatRouterTests() {
		provider("a", this.simA.baseUrl(), 0);
		provider("b", this.simB.baseUrl(), 0, "sk-good");
	}

	@AfterEach
	void stop() {
		this.adapters.forEach(OpenAiAdapter::close);
		this.simA.close();
		this.simB.close();
		this.watchdog.close();
	}

	void provider(String id, String baseUrl, int maxConcurrency, String... keys) {
		provider(id, baseUrl, EgressPolicy.defaults(), maxConcurrency, keys);
	}

	void provider(String id, String baseUrl, EgressPolicy egress, int maxConcurrency, String... keys) {
		OpenAiAdapter adapter = new OpenAiAdapter(
				new OpenAiAdapter.Settings(id, baseUrl, null, Duration.ofSeconds(2), Duration.ofMillis(600),
						Duration.ofSeconds(2), Duration.ofSeconds(5), true),
				this.watchdog, egress, new ProviderMetrics(this.registry, id), JsonConfiguration.storageJsonMapper());
		this.adapters.add(adapter);
		KeyPool pool = new KeyPool(List.of(keys), List.of(), (index, reason) -> this.rejectedKeys.add(keys[index]));
		this.providers.put(id, new PooledProvider(id, adapter, pool, maxConcurrency));
	}

	static Route route(String modelA, String modelB) {
		return new Route(List.of(new RouteTarget("a", modelA, 0), new RouteTarget("b", modelB, 0)));
	}

	static ChatRequest request() {
		return ChatRequest.of("ignored", List.of(new ChatMessage("user", "hi")));
	}

	/** Reads a routed stream to its end; returns the text. */
	static String read(RoutedStream stream) {
		StringBuilder text = new StringBuilder();
		try (stream) {
			StreamEvent event;
			event = stream.next();
			while (event instanceof StreamEvent.Delta delta) {
				text.append(delta.text());
				event = stream.next();
			}
		}
		return text.toString();
	}

	double failovers(String target, String reason) {
		return this.registry.counter("parley.routing.failovers", "target", target, "reason", reason).count();
	}

	@Test
	void aTargetTheEgressPolicyRefusesIsLeftAtOnceForTheNext() {
		provider("a", this.simA.baseUrl(), new EgressPolicy(new EgressProperties(false, true)), 0);

		RoutedStream stream = this.router.stream(route("sim", "sim"), request());

		assertThat(read(stream)).isEqualTo(Simulator.expectedText(4));
		assertThat(stream.servedBy().providerId()).isEqualTo("b");
		assertThat(this.simA.requestCount()).as("never called, never retried").isZero();
		assertThat(failovers("a/sim", "egress_blocked")).isEqualTo(1);
	}

	@Test
	void whenTheEgressPolicyRefusesEveryTargetTheFailureSaysSo() {
		EgressPolicy strict = new EgressPolicy(new EgressProperties(false, true));
		provider("a", this.simA.baseUrl(), strict, 0);
		provider("b", this.simB.baseUrl(), strict, 0, "sk-good");

		for (int i = 0; i < 6; i++) {
			ProviderException ex = catchThrowableOfType(ProviderException.class,
					() -> this.router.complete(route("sim", "sim"), request()));
			assertThat(ex.failure()).as("call %d: no breaker opens over a setting", i)
				.isEqualTo(ProviderFailure.EGRESS_BLOCKED);
		}
		assertThat(this.simA.requestCount() + this.simB.requestCount()).isZero();
	}

	@Test
	void aServerErrorIsRetriedThenTheNextTargetAnswers() {
		RoutedStream stream = this.router.stream(route("sim?fault=500", "sim"), request());

		assertThat(read(stream)).isEqualTo(Simulator.expectedText(4));
		assertThat(stream.servedBy().providerId()).isEqualTo("b");
		assertThat(this.simA.requestCount()).as("one try and one retry").isEqualTo(2);
		assertThat(failovers("a/sim?fault=500", "upstream_error")).isEqualTo(1);
	}

	@Test
	void aRateLimitWaitsForRetryAfterThenFailsOver() {
		long start = System.nanoTime();
		RoutedCompletion reply = this.router.complete(route("sim?fault=429&retry_after=1", "sim"), request());

		assertThat(reply.completion().content()).isEqualTo(Simulator.expectedText(4));
		assertThat(reply.servedBy().providerId()).isEqualTo("b");
		assertThat(this.simA.requestCount()).isEqualTo(2);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After was honoured")
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void aRetryAfterLongerThanTheBoundMovesOnAtOnce() {
		RoutedCompletion reply = this.router.complete(route("sim?fault=429&retry_after=30", "sim"), request());

		assertThat(reply.servedBy().providerId()).isEqualTo("b");
		assertThat(this.simA.requestCount()).isEqualTo(1);
	}

	@Test
	void aHangingTargetTimesOutAndTheNextAnswers() {
		RoutedStream stream = this.router.stream(route("sim?fault=hang", "sim"), request());

		assertThat(read(stream)).isEqualTo(Simulator.expectedText(4));
		assertThat(failovers("a/sim?fault=hang", "upstream_timeout")).isEqualTo(1);
	}

	@Test
	void aRefusedConnectionFailsOver() throws Exception {
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", this.simA.port()).start()) {
			provider("down", "http://127.0.0.1:" + proxy.port() + "/v1", 0);
			proxy.stop();
			Route route = new Route(List.of(new RouteTarget("down", "sim", 0), new RouteTarget("b", "sim", 0)));

			assertThat(read(this.router.stream(route, request()))).isEqualTo(Simulator.expectedText(4));
			assertThat(failovers("down/sim", "upstream_unreachable")).isEqualTo(1);
		}
	}

	@Test
	void whenEveryTargetFailsTheStreamSaysUnavailableNamingEach() {
		RoutedStream stream = this.router.stream(route("sim?fault=500", "sim?fault=503"), request());

		ProviderException ex = catchThrowableOfType(ProviderException.class, stream::next);
		assertThat(ex.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
		assertThat(ex.failure().code()).isEqualTo("upstream_unavailable");
		assertThat(ex.detail()).contains("a/sim?fault=500", "b/sim?fault=503");
		assertThat(catchThrowableOfType(ProviderException.class, stream::next)).isSameAs(ex);
	}

	@Test
	void whenEveryTargetIsRateLimitedTheCallSaysSoWithTheShortestWaitAndSkipsThemMeanwhile() {
		Route route = route("sim?fault=429&retry_after=30", "sim?fault=429&retry_after=20");
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.router.complete(route, request()));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
		assertThat(ex.httpStatus()).isEqualTo(429);
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.simA.requestCount() + this.simB.requestCount()).isEqualTo(2);

		RoutedStream stream = this.router.stream(route, request());
		ProviderException again = catchThrowableOfType(ProviderException.class, stream::next);
		assertThat(again.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
		assertThat(again.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
		assertThat(this.simA.requestCount() + this.simB.requestCount()).as("both still cool down: neither is called")
			.isEqualTo(2);
	}

	@Test
	void aRateLimitedAndABrokenTargetAreUnavailable() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.router.complete(route("sim?fault=429&retry_after=30", "sim?fault=500"), request()));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
	}

	@Test
	void rateLimitsDoNotOpenTheBreakerSoTheyStayVisible() {
		Route route = new Route(List.of(new RouteTarget("a", "sim?fault=429", 0)));
		for (int i = 0; i < 4; i++) {
			ProviderException ex = catchThrowableOfType(ProviderException.class,
					() -> this.router.complete(route, request()));
			assertThat(ex.failure()).as("call %d", i).isEqualTo(ProviderFailure.RATE_LIMITED);
			assertThat(ex.retryAfter()).as("the upstream said no Retry-After").isNull();
		}
		assertThat(this.breakers.circuitBreaker("a/sim?fault=429").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.simA.requestCount()).as("a try and a retry per call").isEqualTo(8);
	}

	@Test
	void aCutAfterTheFirstTokenEndsTheStreamWithoutFailover() {
		List<String> deltas = new ArrayList<>();
		ProviderException ex;
		try (RoutedStream stream = this.router.stream(route("sim?fault=cut&after=2", "sim"), request())) {
			ex = catchThrowableOfType(ProviderException.class, () -> {
				while (stream.next() instanceof StreamEvent.Delta delta) {
					deltas.add(delta.text());
				}
			});
			assertThat(stream.servedBy().providerId()).isEqualTo("a");
		}
		assertThat(ex.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
		assertThat(String.join("", deltas)).isEqualTo(Simulator.expectedText(2));
		assertThat(this.simB.requestCount()).isZero();
	}

	@Test
	void aMalformedChunkAfterTheFirstTokenEndsTheStreamWithoutFailover() {
		try (RoutedStream stream = this.router.stream(route("sim?fault=malformed&after=1", "sim"), request())) {
			assertThat(stream.next()).isInstanceOf(StreamEvent.Delta.class);
			assertThat(catchThrowableOfType(ProviderException.class, stream::next).failure())
				.isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		}
		assertThat(this.simB.requestCount()).isZero();
	}

	@Test
	void aRequestTheUpstreamRefusesIsNotFailedOver() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.router.complete(route("sim?fault=400", "sim"), request()));

		assertThat(ex.failure()).isEqualTo(ProviderFailure.BAD_REQUEST);
		assertThat(this.simB.requestCount()).isZero();
	}

	@Test
	void aRefusedKeyIsTakenOutAndTheNextKeyServes() {
		provider("keys", this.simB.baseUrl(), 0, "sk-bad", "sk-good");
		Route route = Route.of("keys", "sim");

		for (int i = 0; i < 4; i++) {
			assertThat(this.router.complete(route, request()).completion().content())
				.isEqualTo(Simulator.expectedText(4));
		}
		assertThat(this.rejectedKeys).containsExactly("sk-bad");
		assertThat(this.simB.requestCount()).as("requests with the good key (the simulator counts no refused one)")
			.isEqualTo(4);
	}

	@Test
	void theBreakerOpensOnFailuresStopsTrafficAndClosesAfterRecovery() throws Exception {
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", this.simA.port()).start()) {
			provider("flaky", "http://127.0.0.1:" + proxy.port() + "/v1", 0);
			Route route = new Route(List.of(new RouteTarget("flaky", "sim", 0), new RouteTarget("b", "sim", 0)));
			proxy.stop();
			for (int i = 0; i < 2; i++) {
				assertThat(this.router.complete(route, request()).servedBy().providerId()).isEqualTo("b");
			}
			CircuitBreaker breaker = this.breakers.circuitBreaker("flaky/sim");
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

			proxy.start();
			long before = this.simA.requestCount();
			assertThat(this.router.complete(route, request()).servedBy().providerId()).isEqualTo("b");
			assertThat(this.simA.requestCount()).as("no traffic while open").isEqualTo(before);
			assertThat(failovers("flaky/sim", "circuit_open")).isEqualTo(1);

			Thread.sleep(700);
			assertThat(this.router.complete(route, request()).servedBy().providerId()).as("the probe succeeds")
				.isEqualTo("flaky");
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		}
	}

	@Test
	void aProviderWithAllSlotsTakenIsSkipped() {
		provider("tiny", this.simA.baseUrl(), 1);
		Route route = new Route(
				List.of(new RouteTarget("tiny", "sim?tokens=50&delay=20", 0), new RouteTarget("b", "sim", 0)));
		try (RoutedStream held = this.router.stream(route, request())) {
			assertThat(held.next()).isInstanceOf(StreamEvent.Delta.class);
			assertThat(held.servedBy().providerId()).isEqualTo("tiny");

			assertThat(this.router.complete(route, request()).servedBy().providerId()).isEqualTo("b");
			assertThat(failovers("tiny/sim?tokens=50&delay=20", "upstream_busy")).isEqualTo(1);
		}
	}

	@Test
	void closingDuringABackOffCancelsAtOnce() throws Exception {
		RoutedStream stream = this.router.stream(route("sim?fault=429&retry_after=2", "sim"), request());
		Thread closer = Thread.ofVirtual().start(() -> {
			sleep(300);
			stream.close();
		});
		ProviderException ex = catchThrowableOfType(ProviderException.class, stream::next);
		closer.join();

		assertThat(ex.failure()).isEqualTo(ProviderFailure.CANCELLED);
		assertThat(this.simA.requestCount()).as("the wait was cut short: no retry").isEqualTo(1);
		assertThat(this.simB.requestCount()).as("and no failover").isZero();
	}

	@Test
	void weightsSpreadTheFirstAttempt() {
		Route route = new Route(List.of(new RouteTarget("a", "sim", 1), new RouteTarget("b", "sim", 3)));
		int servedByB = 0;
		for (int i = 0; i < 200; i++) {
			if (DefaultChatRouter.plan(route).getFirst().providerId().equals("b")) {
				servedByB++;
			}
		}
		assertThat(servedByB).isBetween(110, 190);
		Route ordered = route("sim", "sim");
		assertThat(DefaultChatRouter.plan(ordered)).isEqualTo(ordered.targets());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The providers of this test by id. */
	final class MapCatalog implements ProviderCatalog {

		@Override
		public Optional<ChatProvider> find(String providerId) {
			return Optional.ofNullable(DefaultChatRouterTests.this.providers.get(providerId));
		}

		@Override
		public Route defaultRoute() {
			return Route.of("a", "sim");
		}

		@Override
		public Route routeForModel(String model) {
			return Route.of("a", model);
		}

		@Override
		public boolean realProviderConfigured() {
			return true;
		}

		@Override
		public List<String> models() {
			return List.of("sim");
		}

	}

}
