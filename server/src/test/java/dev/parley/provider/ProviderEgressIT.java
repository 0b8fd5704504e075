package dev.parley.provider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley with loopback turned off ({@code parley.provider-egress.allow-loopback=false}):
 * a loopback base URL is refused when it is saved, and a provider stored before (by an
 * instance with the default policy) whose name resolves to loopback is refused at call
 * time, by chat, the gateway and the connection test, without one request reaching it.
 */
@TestPropertySource(properties = "parley.provider-egress.allow-loopback=false")
class ProviderEgressIT extends WholeAppTestBase {

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	static final String PATH = "/api/v1/admin/providers";

	static final String MODEL = "sim?tokens=2";

	@Autowired
	ProviderRepository providers;

	@DynamicPropertySource
	static void noEnvironmentProvider(DynamicPropertyRegistry registry) {
		// the test kit's environment provider is on 127.0.0.1, which would stop the start
		registry.add("OPENAI_BASE_URL", () -> "");
		registry.add("OPENAI_API_KEY", () -> "");
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Test
	void aLoopbackBaseUrlIsRefusedWhenSavedWhileAPrivateOneIsNot() {
		TestAccounts.Session admin = admin();
		String localhost = SIMULATOR.baseUrl().replace("127.0.0.1", "localhost");
		for (String url : List.of(SIMULATOR.baseUrl(), localhost, "http://2130706433:11434/v1",
				"http://[::ffff:127.0.0.1]:11434/v1", "http://[::1]:11434/v1")) {
			JsonNode problem = call(admin, "POST", PATH, body("loop-" + Integer.toHexString(url.hashCode()), url))
				.assertProblem(400, "invalid-request")
				.json();
			assertThat(problem.at("/errors/0/field").asString()).as(url).isEqualTo("base_url");
			assertThat(problem.at("/errors/0/message").asString()).as(url)
				.contains("a loopback address, which parley.provider-egress.allow-loopback=false forbids");
		}
		Response lan = call(admin, "POST", PATH, body("lan-gpu", "http://10.1.2.3:8000/v1"));
		assertThat(lan.status()).as(lan.body()).isEqualTo(201);
		call(admin, "DELETE", PATH + "/" + lan.json().get("id").asString(), null);
		assertThat(SIMULATOR.requestCount()).isZero();
	}

	@Test
	void aStoredProviderWhoseNameResolvesToLoopbackIsRefusedAtCallTime() {
		String name = "Stored-Local";
		String id = storedBefore(name, SIMULATOR.baseUrl().replace("127.0.0.1", "localhost"));
		TestAccounts.Session user = user();
		String key = apiKey(user, "gateway");
		String conversation = call(user, "POST", CONVERSATIONS, "{}").json().get("id").asString();
		Eventually.eventually("the stored provider to be seen")
			.until(() -> send("GET", "/v1/models", "Bearer " + key, null).body().contains(name));

		List<SseClient.Frame> frames;
		try (SseClient sse = stream(conversation, message("Hello", name + "/" + MODEL))) {
			assertThat(sse.status()).isEqualTo(200);
			frames = sse.untilTerminal();
		}
		SseClient.Frame error = frames.getLast();
		assertThat(error.type()).isEqualTo("error");
		assertThat(error.text("code")).isEqualTo("egress_blocked");
		assertThat(error.text("status")).isEqualTo("failed");

		ObjectNode completion = JSON.createObjectNode().put("model", name + "/" + MODEL);
		completion.putArray("messages").addObject().put("role", "user").put("content", "Hello");
		Response gateway = send("POST", "/v1/chat/completions", "Bearer " + key, completion.toString());
		assertThat(gateway.status()).as(gateway.body()).isEqualTo(502);
		assertThat(gateway.body()).contains("egress_blocked", "administrator").doesNotContain("127.0.0.1", "try again");

		JsonNode test = call(admin(), "POST", PATH + "/" + id + "/test", null).json();
		assertThat(test.get("ok").asBoolean()).isFalse();
		assertThat(test.at("/error/code").asString()).isEqualTo("egress_blocked");

		assertThat(SIMULATOR.requestCount()).as("no request reached the provider").isZero();
		call(admin(), "DELETE", PATH + "/" + id, null);
	}

	/** A provider as an instance with the default policy stored it: no key needed. */
	private String storedBefore(String name, String baseUrl) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.providers.insert(StoredProvider.builder()
			.id(id)
			.name(name)
			.protocol(ProviderProtocol.OPENAI)
			.baseUrl(baseUrl)
			.models(List.of(MODEL))
			.timeouts(new StoredProvider.Timeouts(2000, 10000, 10000, 10000))
			.streamUsage(true)
			.enabled(true)
			.createdAt(now)
			.updatedAt(now)
			.keys(List.of())
			.build());
		return id;
	}

	private static String body(String name, String url) {
		ObjectNode body = JSON.createObjectNode().put("name", name).put("base_url", url);
		body.putArray("models").add(MODEL);
		return body.toString();
	}

}
