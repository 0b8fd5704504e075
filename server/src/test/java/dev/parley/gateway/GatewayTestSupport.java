package dev.parley.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.TestAccounts;

/**
 * Base of the gateway tests: a real Parley on a random port talking to the simulated
 * provider, with an allow-list of models (so that an unknown model exists) and helpers to
 * get API keys and call {@code /v1} as an OpenAI client would.
 */
abstract class GatewayTestSupport {

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The models the test Parley offers; the first is the default. */
	static final List<String> MODELS = List.of("sim?tokens=5", "sim?tokens=3", "sim?tokens=400", "sim?fault=500",
			"sim?fault=400", "sim?tokens=6&fault=cut&after=2", "sim?tokens=20", "sim?tokens=2000&delay=20");

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void parley(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("parley-gateway");
		registry.add("parley.data-dir", dataDir::toString);
		registry.add("OPENAI_BASE_URL", SIMULATOR::baseUrl);
		registry.add("OPENAI_API_KEY", () -> "sk-test");
		registry.add("PARLEY_DEFAULT_MODEL", MODELS::getFirst);
		for (int i = 0; i < MODELS.size(); i++) {
			String model = MODELS.get(i);
			registry.add("parley.provider.models[" + i + "]", () -> model);
		}
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	TestAccounts.Session newUser() {
		return TestAccounts.newUser(this.http, base());
	}

	/** A new API key of {@code user} with these scopes; returns the secret. */
	String apiKey(TestAccounts.Session user, String... scopes) {
		var body = JSON.createObjectNode().put("name", "gateway test");
		var list = body.putArray("scopes");
		for (String scope : scopes) {
			list.add(scope);
		}
		HttpResponse<String> created = send("POST", "/api/v1/api-keys", user.bearer(), body.toString(), null);
		if (created.statusCode() != 201) {
			throw new IllegalStateException("create key: " + created.statusCode() + " " + created.body());
		}
		return JSON.readTree(created.body()).get("key").asString();
	}

	/** A call with {@code authorization} (null: none) and an optional JSON body. */
	HttpResponse<String> send(String method, String path, String authorization, String json, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", (accept != null) ? accept : "application/json")
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code POST /v1/chat/completions} with an API key. */
	HttpResponse<String> completions(String key, String json) {
		return send("POST", "/v1/chat/completions", "Bearer " + key, json, null);
	}

	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** The {@code data:} payloads of an SSE body, in order. */
	static List<String> dataFrames(String body) {
		List<String> frames = new ArrayList<>();
		for (String line : body.split("\n")) {
			if (line.startsWith("data: ")) {
				frames.add(line.substring(6));
			}
		}
		return frames;
	}

	/** The request the simulator received whose last user message is {@code marker}. */
	static RecordedRequest received(String marker) {
		return SIMULATOR.recentRequests()
			.reversed()
			.stream()
			.filter((request) -> marker.equals(request.lastUserMessage()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the simulator received no request with " + marker));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String chat(String model, String userMessage) {
		var body = JSON.createObjectNode().put("model", model);
		body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
		return body.toString();
	}

}
