package dev.parley.provider;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.parley.bench.sim.Simulator;
import dev.parley.provider.AdapterFixture.Protocol;
import dev.parley.provider.catalog.KeyPool;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.egress.EgressProperties;
import dev.parley.provider.transport.HttpProtocolAdapter;
import dev.parley.testsupport.StreamReading;
import dev.parley.testsupport.StreamReading.Failed;
import dev.parley.testsupport.StreamReading.Read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What both protocol adapters do alike, each against the simulator speaking its protocol:
 * the text and usage of a stream, how upstream failures are classified, the deadlines,
 * cancelling from outside, and the key pool. What a protocol does on its own is in
 * {@code OpenAiAdapterTests} and {@code AnthropicAdapterTests}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Protocol.class)
class ProtocolAdapterContractTests {

	@Parameter
	Protocol protocol;

	AdapterFixture upstream;

	ChatProvider provider;

	@BeforeEach
	void start() {
		this.upstream = AdapterFixture.start(this.protocol);
		this.provider = this.upstream.provider();
	}

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void streamsTheWholeTextAndTheUsage() {
		Read read = StreamReading.read(this.provider.stream(request("?tokens=7&delay=2")));
		StreamEvent.Finish finish = (StreamEvent.Finish) read.last();

		assertThat(read.text()).isEqualTo(Simulator.expectedText(7));
		assertThat(read.deltas()).hasSize(7).doesNotContain("");
		assertThat(finish.finishReason()).isEqualTo("stop");
		assertThat(finish.usage()).isEqualTo(new Usage(4, 7));
		assertThat(this.upstream.calls("ok")).isEqualTo(1);
		assertThat(this.upstream.firstTokens()).isEqualTo(1);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aSurrogatePairSplitBetweenTwoDeltasArrivesInOneDelta() {
		Read read = StreamReading.read(this.provider.stream(request("?tokens=5&emoji=split")));

		assertThat(read.text()).isEqualTo(Simulator.expectedText(5, true));
		assertThat(read.deltas()).hasSize(5)
			.allSatisfy((delta) -> assertThat(delta.codePoints()
				.filter((point) -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE))
				.as("unpaired surrogates in %s", delta)
				.isEmpty());
	}

	@Test
	void classifiesServerErrorRateLimitRefusalAndNotFound() {
		ProviderException error = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("?fault=500")));
		ProviderException limited = catchThrowableOfType(ProviderException.class,
				() -> this.provider.stream(request("?fault=429&retry_after=7")));
		ProviderException refused = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("?fault=400")));
		ProviderException missing = catchThrowableOfType(ProviderException.class,
				() -> this.provider.complete(request("?fault=404")));

		assertThat(error.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(limited.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
		assertThat(limited.httpStatus()).isEqualTo(429);
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(refused.failure()).isEqualTo(ProviderFailure.BAD_REQUEST);
		assertThat(refused.detail()).contains("Simulated fault: HTTP 400");
		assertThat(refused.getMessage()).isEqualTo("the model provider refused the request (HTTP 400)");
		assertThat(missing.failure()).isEqualTo(ProviderFailure.NOT_FOUND);
		assertThat(this.upstream.calls("upstream_rate_limited")).isEqualTo(1);
		assertThat(this.upstream.calls("upstream_error")).isEqualTo(1);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aWrongKeyIsAnAuthenticationFailureThatDoesNotQuoteTheKey() {
		ProviderException ex = catchThrowableOfType(ProviderException.class,
				() -> this.upstream.adapter().stream(request(""), "sk-wrong"));
		assertThat(ex.failure()).isEqualTo(ProviderFailure.AUTHENTICATION);
		assertThat(ex.httpStatus()).isEqualTo(401);
		assertThat(ex.detail()).contains(this.protocol.wrongKeyMessage()).doesNotContain("sk-wrong");
	}

	@Test
	void aRefusedKeyIsTakenOutOfThePoolAndTheNextKeyServes() {
		List<String> rejected = new ArrayList<>();
		KeyPool keys = new KeyPool(List.of("sk-revoked", this.protocol.key()), List.of(),
				(index, reason) -> rejected.add(index + ": " + reason));
		ChatProvider twoKeys = new PooledProvider(this.protocol.id(), this.upstream.adapter(), keys, 0);

		assertThat(twoKeys.complete(request("?tokens=2")).content()).isEqualTo(Simulator.expectedText(2));
		assertThat(StreamReading.drain(twoKeys.stream(request("?tokens=2")))).isInstanceOf(StreamEvent.Finish.class);

		assertThat(rejected).hasSize(1).first().asString().startsWith("0: ").contains(this.protocol.wrongKeyMessage());
		assertThat(keys.healthy()).isEqualTo(1);
		assertThat(this.upstream.sim().recentRequests()).extracting(this.protocol::sentKey)
			.containsExactly(this.protocol.key(), this.protocol.key());
	}

	@Test
	void aHangIsAFirstTokenTimeoutAndFreesTheUpstream() {
		long start = System.nanoTime();
		assertThatThrownBy(() -> StreamReading.drain(this.upstream.impatient().stream(request("?fault=hang"))))
			.isInstanceOfSatisfying(ProviderException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(350),
				Duration.ofSeconds(3));
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
		assertThat(this.upstream.sim().cancelledStreams()).isEqualTo(1);
	}

	@Test
	void aHangBeforeTheHeadersIsAFirstTokenTimeoutToo() {
		assertThat(failureOf(() -> this.upstream.impatient().stream(request("?fault=hang_headers"))))
			.isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT);
	}

	@Test
	void aSlowFirstTokenAfterTheStreamOpensIsAFirstTokenTimeout() {
		assertThatThrownBy(() -> StreamReading.drain(this.upstream.impatient().stream(request("?ttft=1000"))))
			.isInstanceOfSatisfying(ProviderException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.FIRST_TOKEN_TIMEOUT));
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aSlowGapBetweenTokensIsAnIdleTimeout() {
		Failed failed = StreamReading
			.readUntilFailure(() -> this.upstream.impatient().stream(request("?tokens=3&delay=1000")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.IDLE_TIMEOUT);
		assertThat(failed.deltas()).containsExactly("alpha ");
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aCutReplyIsStreamCutAfterWhatArrived() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("?fault=cut&after=3")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.STREAM_CUT);
		assertThat(failed.text()).isEqualTo(Simulator.expectedText(3));
		assertThat(failureOf(() -> this.provider.complete(request("?fault=cut"))))
			.isEqualTo(ProviderFailure.STREAM_CUT);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aMalformedReplyIsMalformedResponse() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("?fault=malformed&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		assertThat(failed.deltas()).hasSize(2);
		assertThat(failureOf(() -> this.provider.complete(request("?fault=malformed"))))
			.isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void anErrorMidStreamIsAServerErrorAfterWhatArrived() {
		Failed failed = StreamReading.readUntilFailure(() -> this.provider.stream(request("?fault=error&after=2")));
		assertThat(failed.failure()).isEqualTo(ProviderFailure.SERVER_ERROR);
		assertThat(failed.text()).isEqualTo(Simulator.expectedText(2));
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void aRefusedConnectionIsAConnectError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (HttpProtocolAdapter unreachable = this.upstream.adapter("http://127.0.0.1:" + port + "/v1",
				Duration.ofSeconds(1), Duration.ofSeconds(1))) {
			ChatProvider nowhere = this.upstream.pooled(unreachable);
			assertThat(failureOf(() -> nowhere.stream(request("")))).isEqualTo(ProviderFailure.CONNECT_ERROR);
			assertThat(failureOf(() -> nowhere.complete(request("")))).isEqualTo(ProviderFailure.CONNECT_ERROR);
		}
	}

	/**
	 * A name the system resolver cannot know ({@code .test} is reserved): the call can
	 * only reach the simulator if it is sent to the address the policy resolved and
	 * checked.
	 */
	@Test
	void aPlainHttpCallGoesToTheCheckedAddressWithTheNameAsItsHost() {
		String name = "upstream.parley.test";
		String baseUrl = this.upstream.sim().baseUrl().replace("127.0.0.1", name);
		EgressPolicy egress = new EgressPolicy(new EgressProperties(true, true), resolving(name, "127.0.0.1"));
		try (HttpProtocolAdapter pinned = this.upstream.adapter(baseUrl, egress)) {
			ChatProvider provider = this.upstream.pooled(pinned, this.protocol.key());
			assertThat(StreamReading.read(provider.stream(request("?tokens=3"))).text())
				.isEqualTo(Simulator.expectedText(3));
			assertThat(provider.complete(request("?tokens=2")).content()).isEqualTo(Simulator.expectedText(2));
		}
		assertThat(this.upstream.sim().recentRequests()).hasSize(2)
			.allSatisfy((sent) -> assertThat(sent.header("host")).isEqualTo(name + ":" + this.upstream.sim().port()));
	}

	@Test
	void aHostResolvingToAMetadataAddressAtCallTimeIsNeverCalled() {
		String name = "rebound.parley.test";
		String baseUrl = this.upstream.sim().baseUrl().replace("127.0.0.1", name);
		EgressPolicy egress = new EgressPolicy(new EgressProperties(true, true),
				resolving(name, "127.0.0.1", "169.254.169.254"));
		try (HttpProtocolAdapter rebound = this.upstream.adapter(baseUrl, egress)) {
			assertEgressBlocked(this.upstream.pooled(rebound, this.protocol.key()));
		}
	}

	@Test
	void loopbackTurnedOffRefusesTheCallBeforeAnyRequest() {
		EgressPolicy strict = new EgressPolicy(new EgressProperties(false, true));
		try (HttpProtocolAdapter loopback = this.upstream.adapter(this.upstream.sim().baseUrl(), strict)) {
			assertEgressBlocked(this.upstream.pooled(loopback, this.protocol.key()));
		}
	}

	private void assertEgressBlocked(ChatProvider provider) {
		ProviderException streamed = catchThrowableOfType(ProviderException.class,
				() -> provider.stream(request("?tokens=2")));
		ProviderException completed = catchThrowableOfType(ProviderException.class,
				() -> provider.complete(request("?tokens=2")));
		assertThat(streamed.failure()).isEqualTo(ProviderFailure.EGRESS_BLOCKED);
		assertThat(completed.failure()).isEqualTo(ProviderFailure.EGRESS_BLOCKED);
		assertThat(streamed.getMessage()).as("the address is for the log only").doesNotContain("169.254", "127.0.0");
		assertThat(this.upstream.calls("egress_blocked")).isEqualTo(2);
		assertThat(this.upstream.sim().requestCount()).isZero();
	}

	/** A resolver that knows one name, with these addresses in this order. */
	private static EgressPolicy.Resolver resolving(String name, String... addresses) {
		return (host) -> {
			if (!host.equals(name)) {
				throw new UnknownHostException(host);
			}
			InetAddress[] resolved = new InetAddress[addresses.length];
			for (int i = 0; i < addresses.length; i++) {
				resolved[i] = InetAddress.ofLiteral(addresses[i]);
			}
			return resolved;
		};
	}

	@Test
	void closeFromAnotherThreadCancelsTheUpstreamAtOnce() throws Exception {
		CompletionStream stream = this.provider.stream(request("?tokens=1000&delay=50"));
		assertThat(stream.next()).isInstanceOf(StreamEvent.Delta.class);
		StreamReading.assertCloseCancels(stream, Duration.ofSeconds(2));
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
		assertThat(this.upstream.sim().cancelledStreams()).isEqualTo(1);
		assertThat(this.upstream.calls("cancelled")).isEqualTo(1);
	}

	@Test
	void interruptingTheReaderCancelsTheUpstream() throws Exception {
		CompletionStream stream = this.provider.stream(request("?tokens=1000&delay=50"));
		StreamReading.assertInterruptCancels(stream, 5000);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	@Test
	void keepsConnectionsAliveAcrossCalls() {
		for (int i = 0; i < 20; i++) {
			assertThat(StreamReading.drain(this.provider.stream(request("?tokens=2"))))
				.isInstanceOf(StreamEvent.Finish.class);
		}
		assertThat(this.upstream.sim().requestCount()).isEqualTo(20);
		StreamReading.awaitNoActiveStreams(this.upstream.sim());
	}

	private ChatRequest request(String parameters) {
		return this.upstream.request(parameters);
	}

	/** The failure of a call that must throw a {@link ProviderException}. */
	private static ProviderFailure failureOf(ThrowingCallable call) {
		return catchThrowableOfType(ProviderException.class, call).failure();
	}

}
