package dev.parley.provider;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API of providers over real HTTP: create, read, change, delete, validation,
 * conflicts, access, the read-only environment provider, connection tests, and keys that
 * never come back out, neither in a response nor in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminProvidersIT extends WholeAppTestBase {

	static final String ENV_KEY = "sk-environment-secret-9f8e";

	static final String SIM_KEY = "sk-simulator-secret-7c6d";

	static final String OTHER_KEY = "sk-another-secret-key-5b4a";

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults().withApiKey(SIM_KEY));

	static final Simulator ENV_SIMULATOR = Simulator.start(SimulatorConfig.defaults().withApiKey(ENV_KEY));

	static final String PATH = "/api/v1/admin/providers";

	@DynamicPropertySource
	static void environmentProvider(DynamicPropertyRegistry registry) {
		registry.add("OPENAI_BASE_URL", ENV_SIMULATOR::baseUrl);
		registry.add("OPENAI_API_KEY", () -> ENV_KEY);
		registry.add("PARLEY_DEFAULT_MODEL", () -> "sim?tokens=2");
	}

	/** A provider body for {@code base_url} with these models and keys. */
	static ObjectNode provider(String name, String baseUrl, List<String> models, List<String> keys) {
		ObjectNode body = JSON.createObjectNode().put("name", name).put("base_url", baseUrl);
		models.forEach(body.putArray("models")::add);
		keys.forEach(body.putArray("api_keys")::add);
		return body;
	}

	@AfterAll
	static void stopSimulators() {
		SIMULATOR.close();
		ENV_SIMULATOR.close();
	}

	@AfterEach
	void noRawKeyLeftTheServer(CapturedOutput output) {
		for (String secret : List.of(ENV_KEY, SIM_KEY, OTHER_KEY)) {
			assertThat(this.http.bodies()).noneMatch((body) -> body.contains(secret));
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	@Test
	void createsReadsChangesAndDeletesAProvider() {
		TestAccounts.Session admin = admin();
		ObjectNode body = provider("Qwen-Crud", SIMULATOR.baseUrl(), List.of("sim?tokens=1", "qwen-max"),
				List.of(SIM_KEY, OTHER_KEY))
			.put("first_token_timeout_ms", 5000)
			.put("max_concurrency", 8);
		Response created = call(admin, "POST", PATH, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode view = created.json();
		String id = view.get("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
		assertThat(view.get("name").asString()).isEqualTo("Qwen-Crud");
		assertThat(view.get("protocol").asString()).isEqualTo("openai");
		assertThat(view.get("base_url").asString()).isEqualTo(SIMULATOR.baseUrl());
		assertThat(view.get("models").toString()).isEqualTo("[\"sim?tokens=1\",\"qwen-max\"]");
		assertThat(view.get("connect_timeout_ms").asInt()).isEqualTo(10_000);
		assertThat(view.get("first_token_timeout_ms").asInt()).isEqualTo(5000);
		assertThat(view.get("request_timeout_ms").asInt()).isEqualTo(300_000);
		assertThat(view.get("max_concurrency").asInt()).isEqualTo(8);
		assertThat(view.get("enabled").asBoolean()).isTrue();
		assertThat(view.get("stream_usage").asBoolean()).isTrue();
		assertThat(view.get("source").asString()).isEqualTo("database");
		assertThat(view.get("read_only").asBoolean()).isFalse();
		assertThat(view.get("api_keys").toString()).isEqualTo("[{\"hint\":\"...7c6d\",\"status\":\"ok\","
				+ "\"rejected_reason\":null,\"rejected_at\":null},{\"hint\":\"...5b4a\",\"status\":\"ok\","
				+ "\"rejected_reason\":null,\"rejected_at\":null}]");
		assertThat(view.get("created_at").asString()).isNotBlank();

		JsonNode list = call(admin, "GET", PATH, null).json().get("items");
		assertThat(list.findValuesAsString("id")).contains(id);
		assertThat(call(admin, "GET", PATH + "/" + id, null).json()).isEqualTo(view);

		Response patched = call(admin, "PATCH", PATH + "/" + id,
				"{\"name\":\"qwen-renamed\",\"enabled\":false,\"api_keys\":[\"" + OTHER_KEY
						+ "\"],\"api_version\":\"2024-10-21\"}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		JsonNode changed = patched.json();
		assertThat(changed.get("name").asString()).isEqualTo("qwen-renamed");
		assertThat(changed.get("enabled").asBoolean()).isFalse();
		assertThat(changed.get("api_version").asString()).isEqualTo("2024-10-21");
		assertThat(changed.get("api_keys").findValuesAsString("hint")).containsExactly("...5b4a");
		assertThat(changed.get("models")).isEqualTo(view.get("models"));
		assertThat(changed.get("first_token_timeout_ms").asInt()).isEqualTo(5000);

		assertThat(call(admin, "DELETE", PATH + "/" + id, null).status()).isEqualTo(204);
		call(admin, "GET", PATH + "/" + id, null).assertProblem(404, "provider-not-found");
		call(admin, "PATCH", PATH + "/" + id, "{\"enabled\":true}").assertProblem(404, "provider-not-found");
		call(admin, "DELETE", PATH + "/" + id, null).assertProblem(404, "provider-not-found");
		call(admin, "POST", PATH + "/" + id + "/test", null).assertProblem(404, "provider-not-found");
		call(admin, "GET", PATH + "/not-a-provider", null).assertProblem(404, "provider-not-found");

		JsonNode audit = call(admin, "GET", "/api/v1/admin/audit-log?limit=200", null).json().get("items");
		List<String> trail = new ArrayList<>();
		for (JsonNode entry : audit) {
			if (id.equals(entry.get("target_id").asString())) {
				assertThat(entry.get("actor_id").asString()).isEqualTo(admin.userId());
				assertThat(entry.get("target_type").asString()).isEqualTo("provider");
				trail.add(entry.get("action").asString() + " " + entry.get("details").asString());
			}
		}
		assertThat(trail).containsExactly("provider.delete qwen-renamed",
				"provider.update qwen-renamed, disabled, keys replaced (1)",
				"provider.create Qwen-Crud: openai at " + SIMULATOR.baseUrl() + ", 2 key(s)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|name",
			"{\"name\":\"\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|name",
			"{\"name\":\"a/b\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|name",
			"{\"name\":\"-x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|name",
			"{\"name\":\"<script>\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|name",
			"{\"name\":\"x\",\"protocol\":\"gemini\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"]}|protocol",
			"{\"name\":\"x\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"ftp://h/v1\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"/v1\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"http://user:pw@h/v1\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1?x=1\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"http://h /v1\",\"models\":[\"m\"]}|base_url",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"api_version\":\"a b\",\"models\":[\"m\"]}|api_version",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\"}|models",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[]}|models",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"\"]}|models[0]",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\",\"m\"]}|models[1]",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"a b\"]}|models[0]",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"api_keys\":[\"sk a\"]}|api_keys[0]",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"api_keys\":[\"\"]}|api_keys[0]",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"connect_timeout_ms\":0}|connect_timeout_ms",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"first_token_timeout_ms\":600001}|first_token_timeout_ms",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"idle_timeout_ms\":-1}|idle_timeout_ms",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"request_timeout_ms\":99}|request_timeout_ms",
			"{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"models\":[\"m\"],\"max_concurrency\":-2}|max_concurrency" })
	void everyBadFieldIsA400NamingIt(String body, String field) {
		JsonNode problem = call(admin(), "POST", PATH, body).assertProblem(400, "invalid-request").json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	@Test
	void aBaseUrlAtALinkLocalOrMetadataAddressIsRefusedInEveryFormAndNothingStored() {
		// an administrator of its own: the first one's request budget is shared by the
		// class
		TestAccounts.Session admin = newAdmin();
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("http://169.254.169.254/latest", "a cloud metadata address");
		refused.put("http://2852039166/v1", "a cloud metadata address");
		refused.put("http://[::ffff:169.254.169.254]/v1", "a cloud metadata address");
		refused.put("http://0xa9fea9fe/v1", "a cloud metadata address");
		refused.put("http://[fd00:ec2::254]/v1", "a cloud metadata address");
		refused.put("http://metadata.google.internal/v1", "a cloud metadata host name");
		refused.put("http://169.254.1.1:11434/v1", "a link-local address");
		refused.put("http://[fe80::1%25eth0]:8000/v1", "a link-local address");
		refused.put("http://0.0.0.0:11434/v1", "the unspecified address");
		refused.forEach((url, reason) -> {
			JsonNode problem = call(admin, "POST", PATH,
					provider("egress-refused", url, List.of("m"), List.of()).toString())
				.assertProblem(400, "invalid-request")
				.json();
			assertThat(problem.at("/errors/0/field").asString()).as(url).isEqualTo("base_url");
			assertThat(problem.at("/errors/0/message").asString()).as(url).contains(reason).contains("may never point");
		});
		assertThat(call(admin, "GET", PATH, null).json().get("items").findValuesAsString("name"))
			.doesNotContain("egress-refused");

		String id = call(admin, "POST", PATH,
				provider("egress-patched", SIMULATOR.baseUrl(), List.of("m"), List.of()).toString())
			.json()
			.get("id")
			.asString();
		call(admin, "PATCH", PATH + "/" + id,
				JSON.createObjectNode().put("base_url", "http://[::a9fe:a9fe]/").toString())
			.assertProblem(400, "invalid-request");
		assertThat(call(admin, "GET", PATH + "/" + id, null).json().get("base_url").asString())
			.isEqualTo(SIMULATOR.baseUrl());
		call(admin, "DELETE", PATH + "/" + id, null);
	}

	@Test
	void loopbackAndPrivateBaseUrlsAreAllowedByDefault() {
		TestAccounts.Session admin = newAdmin();
		for (String url : List.of("http://localhost:11434/v1", "http://[::1]:8000/v1", "http://10.1.2.3:8000/v1",
				"http://[fd12::1]:8000/v1")) {
			Response created = call(admin, "POST", PATH,
					provider("local-" + Integer.toHexString(url.hashCode()), url, List.of("m"), List.of()).toString());
			assertThat(created.status()).as(url + ": " + created.body()).isEqualTo(201);
			call(admin, "DELETE", PATH + "/" + created.json().get("id").asString(), null);
		}
	}

	@Test
	void listsAreBoundedAndUnknownFieldsRefused() {
		TestAccounts.Session admin = admin();
		ObjectNode manyKeys = provider("many-keys", "http://h/v1", List.of("m"),
				java.util.Collections.nCopies(21, "k"));
		assertThat(call(admin, "POST", PATH, manyKeys.toString()).json().get("errors").get(0).get("field").asString())
			.isEqualTo("api_keys");
		List<String> models = java.util.stream.IntStream.range(0, 201).mapToObj((i) -> "m" + i).toList();
		call(admin, "POST", PATH, provider("many-models", "http://h/v1", models, List.of()).toString())
			.assertProblem(400, "invalid-request");
		call(admin, "POST", PATH,
				provider("long-url", "http://h/" + "v".repeat(500), List.of("m"), List.of()).toString())
			.assertProblem(400, "invalid-request");
		call(admin, "POST", PATH, provider("y".repeat(101), "http://h/v1", List.of("m"), List.of()).toString())
			.assertProblem(400, "invalid-request");
		call(admin, "POST", PATH,
				provider("extra", "http://h/v1", List.of("m"), List.of()).put("api_key", "x").toString())
			.assertProblem(400, "unknown-field");
		assertThat(call(admin, "GET", PATH, null).json().get("items").findValuesAsString("name"))
			.doesNotContain("many-keys", "many-models", "long-url", "extra");
	}

	@Test
	void aNameIsTakenRegardlessOfCase() {
		TestAccounts.Session admin = admin();
		String first = call(admin, "POST", PATH,
				provider("DeepSeek", "https://api.deepseek.com/v1", List.of("deepseek-chat"), List.of()).toString())
			.json()
			.get("id")
			.asString();
		String second = call(admin, "POST", PATH,
				provider("Moonshot", "https://api.moonshot.cn/v1", List.of("kimi-k2"), List.of()).toString())
			.json()
			.get("id")
			.asString();

		call(admin, "POST", PATH, provider("deepseek", "http://h/v1", List.of("m"), List.of()).toString())
			.assertProblem(409, "provider-name-taken");
		call(admin, "POST", PATH, provider("OpenAI", "http://h/v1", List.of("m"), List.of()).toString())
			.assertProblem(409, "provider-name-taken");
		call(admin, "PATCH", PATH + "/" + second, "{\"name\":\"DEEPSEEK\"}").assertProblem(409, "provider-name-taken");
		assertThat(call(admin, "PATCH", PATH + "/" + first, "{\"name\":\"deepseek\"}").status()).isEqualTo(200);
		call(admin, "DELETE", PATH + "/" + first, null);
		call(admin, "DELETE", PATH + "/" + second, null);
	}

	@Test
	void onlyAdministratorsMayManageProviders() {
		TestAccounts.Session user = newUser();
		String body = provider("nope", "http://h/v1", List.of("m"), List.of()).toString();
		call(user, "GET", PATH, null).assertProblem(403, "forbidden");
		call(user, "POST", PATH, body).assertProblem(403, "forbidden");
		call(user, "GET", PATH + "/openai", null).assertProblem(403, "forbidden");
		call(user, "PATCH", PATH + "/openai", "{}").assertProblem(403, "forbidden");
		call(user, "DELETE", PATH + "/openai", null).assertProblem(403, "forbidden");
		call(user, "POST", PATH + "/openai/test", null).assertProblem(403, "forbidden");
		call(null, "GET", PATH, null).assertProblem(401, "unauthorized");
	}

	@Test
	void theEnvironmentProviderIsListedReadOnlyWithItsKeyAsHintOnly() {
		TestAccounts.Session admin = admin();
		JsonNode env = call(admin, "GET", PATH, null).json().get("items").get(0);
		assertThat(env.get("id").asString()).isEqualTo("openai");
		assertThat(env.get("source").asString()).isEqualTo("environment");
		assertThat(env.get("read_only").asBoolean()).isTrue();
		assertThat(env.get("base_url").asString()).isEqualTo(ENV_SIMULATOR.baseUrl());
		assertThat(env.get("models").toString()).isEqualTo("[\"sim?tokens=2\"]");
		assertThat(env.get("api_keys").findValuesAsString("hint")).containsExactly("...9f8e");
		assertThat(call(admin, "GET", PATH + "/openai", null).json()).isEqualTo(env);

		call(admin, "PATCH", PATH + "/openai", "{\"enabled\":false}").assertProblem(409, "provider-read-only");
		call(admin, "DELETE", PATH + "/openai", null).assertProblem(409, "provider-read-only");
		JsonNode test = call(admin, "POST", PATH + "/openai/test", null).json();
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
	}

	@Test
	void testsTheConnectionAndReportsFailuresAsAnswers() throws IOException {
		TestAccounts.Session admin = admin();
		String good = call(admin, "POST", PATH,
				provider("sim-ok", SIMULATOR.baseUrl(), List.of("sim?tokens=1"), List.of(SIM_KEY)).toString())
			.json()
			.get("id")
			.asString();
		Response ok = call(admin, "POST", PATH + "/" + good + "/test", null);
		assertThat(ok.status()).isEqualTo(200);
		JsonNode answer = ok.json();
		assertThat(answer.get("ok").asBoolean()).as(ok.body()).isTrue();
		assertThat(answer.get("model").asString()).isEqualTo("sim?tokens=1");
		assertThat(answer.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(answer.get("error").isNull()).isTrue();

		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String closed = call(admin, "POST", PATH,
				provider("closed", "http://127.0.0.1:" + closedPort + "/v1", List.of("m"), List.of(OTHER_KEY))
					.put("connect_timeout_ms", 2000)
					.toString())
			.json()
			.get("id")
			.asString();
		Response refused = call(admin, "POST", PATH + "/" + closed + "/test", null);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.json().get("ok").asBoolean()).isFalse();
		assertThat(refused.json().at("/error/code").asString()).isEqualTo("upstream_unreachable");

		call(admin, "PATCH", PATH + "/" + good, "{\"api_keys\":[\"" + OTHER_KEY + "\"]}");
		JsonNode wrongKey = call(admin, "POST", PATH + "/" + good + "/test", null).json();
		assertThat(wrongKey.get("ok").asBoolean()).isFalse();
		assertThat(wrongKey.at("/error/code").asString()).isEqualTo("upstream_auth");
		assertThat(wrongKey.at("/error/http_status").asInt()).isEqualTo(401);
		assertThat(call(admin, "GET", PATH + "/" + good, null).json().at("/api_keys/0/status").asString())
			.as("a test does not take the key out")
			.isEqualTo("ok");
		call(admin, "DELETE", PATH + "/" + good, null);
		call(admin, "DELETE", PATH + "/" + closed, null);
	}

}
