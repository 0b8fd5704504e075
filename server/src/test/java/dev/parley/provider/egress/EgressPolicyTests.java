package dev.parley.provider.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The egress policy over every textual form of an address, at save time (literal hosts,
 * names resolved best-effort) and at call time (every resolved address, plain HTTP pinned
 * to the checked one).
 */
class EgressPolicyTests {

	/** Knows a few names; any other does not resolve. */
	static final EgressPolicy.Resolver NAMES = (host) -> switch (host) {
		case "models.example" -> addresses("203.0.113.7");
		case "localhost" -> addresses("127.0.0.1", "::1");
		case "gpu.lan" -> addresses("10.1.2.3");
		case "rebind.example" -> addresses("203.0.113.7", "169.254.169.254");
		case "v6.example" -> addresses("2001:db8::7");
		default -> throw new UnknownHostException(host);
	};

	final EgressPolicy defaults = new EgressPolicy(new EgressProperties(true, true), NAMES);

	final EgressPolicy strict = new EgressPolicy(new EgressProperties(false, false), NAMES);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "http://169.254.169.254/latest/meta-data/|cloud metadata",
			"http://169.254.169.254:80/|cloud metadata", "http://169.254.169.254./|cloud metadata",
			"http://2852039166/|cloud metadata", "http://0251.0376.0251.0376/|cloud metadata",
			"http://0xa9fea9fe/|cloud metadata", "http://0xA9.0xFE.0xA9.0xFE/|cloud metadata",
			"http://169.254.43518/|cloud metadata", "http://[::ffff:169.254.169.254]/|cloud metadata",
			"http://[::ffff:a9fe:a9fe]/|cloud metadata", "http://[::169.254.169.254]/|cloud metadata",
			"http://[64:ff9b::169.254.169.254]/|cloud metadata", "http://[64:ff9b::a9fe:a9fe]/|cloud metadata",
			"http://[2002:a9fe:a9fe::1]/|cloud metadata",
			"http://[2001:0:4136:e378:8000:63bf:5601:5601]/|cloud metadata", "http://[fd00:ec2::254]/|cloud metadata",
			"http://[FD00:EC2:0::254]:80/|cloud metadata", "http://100.100.100.200/|cloud metadata",
			"http://169.254.170.2/v2/credentials|cloud metadata", "http://168.63.129.16/|cloud metadata",
			"http://169.254.1.1/|link-local", "http://[fe80::1]/|link-local",
			"http://[fe80::1%25eth0]:8080/|link-local", "http://[::ffff:169.254.1.1]/|link-local",
			"http://0.0.0.0:11434/|unspecified", "http://0/|unspecified", "http://[::]/|unspecified",
			"http://[::2]/|unspecified", "http://224.0.0.1/|multicast", "http://[ff02::1]/|multicast",
			"http://255.255.255.255/|broadcast", "http://[64:ff9b:1::a]/|NAT64",
			"http://metadata.google.internal/computeMetadata/v1/|metadata host name",
			"http://METADATA.Google.Internal./|metadata host name", "http://metadata/|metadata host name",
			"http://instance-data/|metadata host name", "https://metadata.goog/|metadata host name" })
	void linkLocalAndMetadataAreRefusedInEveryFormWhateverTheSettings(String url, String reason) {
		for (EgressPolicy policy : List.of(this.defaults, this.strict,
				new EgressPolicy(new EgressProperties(true, true)))) {
			assertThatThrownBy(() -> policy.checkBaseUrl(URI.create(url)))
				.isInstanceOf(EgressPolicy.RefusedException.class)
				.hasMessageContaining(reason)
				.hasMessageContaining("may never point");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:11434/v1", "http://127.1:8000/", "http://2130706433/",
			"http://0x7f000001/", "http://[::1]:8000/v1", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
			"http://[64:ff9b::127.0.0.1]/", "http://localhost:11434/v1" })
	void loopbackIsAllowedByDefaultAndRefusedWhenTurnedOff(String url) {
		assertThatNoException().isThrownBy(() -> this.defaults.checkBaseUrl(URI.create(url)));
		assertThatThrownBy(() -> this.strict.checkBaseUrl(URI.create(url)))
			.isInstanceOf(EgressPolicy.RefusedException.class)
			.hasMessageContaining("a loopback address, which parley.provider-egress.allow-loopback=false forbids");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/",
			"http://192.168.1.20:8000/v1", "http://100.64.0.1/", "http://100.127.255.255/", "http://[fd12:3456::1]/",
			"http://[fc00::1]/", "http://[::ffff:10.0.0.1]/", "http://[2002:0a00:0001::]/", "http://012.0.0.1/",
			"http://gpu.lan:8000/v1" })
	void privateNetworksAreAllowedByDefaultAndRefusedWhenTurnedOff(String url) {
		assertThatNoException().isThrownBy(() -> this.defaults.checkBaseUrl(URI.create(url)));
		assertThatThrownBy(() -> this.strict.checkBaseUrl(URI.create(url)))
			.isInstanceOf(EgressPolicy.RefusedException.class)
			.hasMessageContaining("a private address, which parley.provider-egress.allow-private=false forbids");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.openai.com/v1", "http://8.8.8.8/", "http://172.32.0.1/",
			"http://100.128.0.1/", "http://169.255.0.1/", "http://[2001:db8::1]/", "https://models.example/v1",
			"http://v6.example/", "http://not-yet-up.example:8000/v1", "http://h/v1" })
	void publicAddressesAndUnresolvableNamesPassAtSaveTime(String url) {
		assertThatNoException().isThrownBy(() -> this.strict.checkBaseUrl(URI.create(url)));
	}

	@Test
	void aNameIsRefusedWhenAnyOfItsAddressesIs() {
		assertThatThrownBy(() -> this.defaults.checkBaseUrl(URI.create("https://rebind.example/v1")))
			.hasMessage("'rebind.example' resolves to 169.254.169.254, a cloud metadata address,"
					+ " where providers may never point");
		assertThatThrownBy(() -> this.strict.checkBaseUrl(URI.create("http://localhost:11434/v1")))
			.hasMessageStartingWith("'localhost' resolves to 127.0.0.1, a loopback address");
		assertThatThrownBy(() -> this.defaults.checkBaseUrl(URI.create("http://[::ffff:a9fe:a9fe]/")))
			.hasMessageStartingWith("points at 169.254.169.254, a cloud metadata address");
		assertThatThrownBy(() -> this.defaults.checkBaseUrl(URI.create("http://[64:ff9b::a9fe:a9fe]/")))
			.hasMessageStartingWith("points at 64:ff9b:0:0:0:0:a9fe:a9fe (IPv4 169.254.169.254), a cloud metadata");
	}

	@Test
	void aPlainHttpCallIsPinnedToTheCheckedAddressWithItsHostHeader() throws Exception {
		HttpRequest original = post("http://models.example:8000/v1/chat/completions?api-version=1");
		HttpRequest routed = this.defaults.route(original);

		assertThat(routed.uri()).isEqualTo(URI.create("http://203.0.113.7:8000/v1/chat/completions?api-version=1"));
		assertThat(routed.headers().map()).containsEntry("Host", List.of("models.example:8000"))
			.containsEntry("Authorization", List.of("Bearer sk-x"));
		assertThat(routed.method()).isEqualTo("POST");
		assertThat(routed.bodyPublisher()).isEqualTo(original.bodyPublisher());

		assertThat(this.defaults.route(post("http://v6.example/v1")).uri())
			.isEqualTo(URI.create("http://[2001:db8:0:0:0:0:0:7]/v1"));
		assertThat(this.defaults.route(post("http://v6.example/v1")).headers().firstValue("Host"))
			.contains("v6.example");
	}

	@Test
	void anHttpsCallIsCheckedButNotPinned() throws Exception {
		HttpRequest original = post("https://models.example/v1/chat/completions");
		assertThat(this.defaults.route(original)).isSameAs(original);
		assertThatThrownBy(() -> this.defaults.route(post("https://rebind.example/v1")))
			.isInstanceOf(EgressPolicy.RefusedException.class);
	}

	@Test
	void everyCallResolvesAgainSoARebindingIsCaughtAtCallTime() throws Exception {
		Deque<InetAddress[]> answers = new ArrayDeque<>(
				List.of(addresses("203.0.113.7"), addresses("169.254.169.254"), addresses("::ffff:127.0.0.1")));
		EgressPolicy policy = new EgressPolicy(new EgressProperties(false, true), (host) -> answers.pop());

		assertThatNoException().isThrownBy(() -> policy.checkBaseUrl(URI.create("http://flip.example/v1")));
		assertThatThrownBy(() -> policy.route(post("http://flip.example/v1")))
			.isInstanceOf(EgressPolicy.RefusedException.class)
			.hasMessageContaining("cloud metadata");
		assertThatThrownBy(() -> policy.route(post("http://flip.example/v1")))
			.isInstanceOf(EgressPolicy.RefusedException.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void aNameThatDoesNotResolveAtCallTimeIsAnUnknownHost() {
		assertThatThrownBy(() -> this.defaults.route(post("http://gone.example/v1")))
			.isInstanceOf(UnknownHostException.class);
	}

	@Test
	void literalHostsNeedNoLookupAndAreSentAsTheCanonicalAddress() throws Exception {
		EgressPolicy noDns = new EgressPolicy(new EgressProperties(true, true), (host) -> {
			throw new AssertionError("looked up " + host);
		});
		assertThat(noDns.route(post("http://2130706433:8000/v1")).uri())
			.isEqualTo(URI.create("http://127.0.0.1:8000/v1"));
		assertThat(noDns.route(post("http://2130706433:8000/v1")).headers().firstValue("Host"))
			.contains("2130706433:8000");
	}

	@Test
	void classifiesByKind() {
		Map<String, AddressKind> kinds = Map.of("169.254.169.254", AddressKind.METADATA, "169.254.0.1",
				AddressKind.LINK_LOCAL, "127.8.9.10", AddressKind.LOOPBACK, "100.64.0.0", AddressKind.PRIVATE,
				"100.63.255.255", AddressKind.PUBLIC, "172.15.255.255", AddressKind.PUBLIC, "240.0.0.1",
				AddressKind.MULTICAST, "fec0::1", AddressKind.PRIVATE, "2606:4700::1111", AddressKind.PUBLIC);
		kinds.forEach(
				(address, kind) -> assertThat(IpAddresses.classify(InetAddress.ofLiteral(address)).kind()).as(address)
					.isEqualTo(kind));
	}

	@Test
	void thisJvmLetsTheHttpClientSendAHostHeader() {
		assertThat(EgressPolicy.hostHeaderAllowed()).as("-D" + EgressPolicy.RESTRICTED_HEADERS + "=host in argLine")
			.isTrue();
	}

	private static HttpRequest post(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer sk-x")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
	}

	private static InetAddress[] addresses(String... literals) {
		InetAddress[] addresses = new InetAddress[literals.length];
		for (int i = 0; i < literals.length; i++) {
			addresses[i] = InetAddress.ofLiteral(literals[i]);
		}
		return addresses;
	}

}
