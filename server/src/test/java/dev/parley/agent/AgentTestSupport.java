package dev.parley.agent;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Parley on a random port with a configured first administrator, talking to the
 * simulated provider (provider id {@code openai}), called over HTTP as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgentTestSupport {

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	static final String ADMIN_EMAIL = "root@example.com";

	static final String ADMIN_PASSWORD = "Admin-password-77";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void parley(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("parley-agents");
		registry.add("parley.data-dir", dataDir::toString);
		registry.add("parley.identity.jwt-secret", () -> "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzLWxvbmch");
		registry.add("parley.identity.admin-email", () -> ADMIN_EMAIL);
		registry.add("parley.identity.admin-password", () -> ADMIN_PASSWORD);
		registry.add("OPENAI_BASE_URL", SIMULATOR::baseUrl);
		registry.add("OPENAI_API_KEY", () -> "sk-test");
		registry.add("PARLEY_DEFAULT_MODEL", () -> "sim?tokens=3");
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	TestAccounts.Session newUser() {
		return TestAccounts.newUser(this.http, base());
	}

	TestAccounts.Session admin() {
		return TestAccounts.login(this.http, base(), ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/** A fresh account that an administrator gave the role AGENT (support staff). */
	TestAccounts.Session newStaff() {
		TestAccounts.Session user = newUser();
		Response changed = call(admin(), "PATCH", "/api/v1/admin/users/" + user.userId(), "{\"role\":\"agent\"}");
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
		return TestAccounts.login(this.http, base(), user.email(), TestAccounts.PASSWORD);
	}

	/** A JSON call as {@code session}'s user (null: without credentials). */
	Response call(TestAccounts.Session session, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (session != null) {
			request.header("Authorization", session.bearer());
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return new Response(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Creates an agent as {@code session}'s user and answers its id. */
	String createAgent(TestAccounts.Session session, String json) {
		Response created = call(session, "POST", "/api/v1/agents", json);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.text("/id");
	}

	/** An HTTP answer with its body parsed when it is JSON. */
	record Response(HttpResponse<String> http) {

		int status() {
			return this.http.statusCode();
		}

		String raw() {
			return this.http.body();
		}

		JsonNode body() {
			return JSON.readTree(this.http.body());
		}

		String text(String pointer) {
			return body().at(pointer).asString();
		}

		/** Asserts a problem+json answer of this status and type slug; returns this. */
		Response assertProblem(int status, String slug) {
			assertThat(status()).as(raw()).isEqualTo(status);
			assertThat(this.http.headers().firstValue("Content-Type").orElse(""))
				.startsWith("application/problem+json");
			assertThat(text("/type")).as(raw()).isEqualTo("https://parley.dev/problems/" + slug);
			assertThat(raw()).doesNotContain("Exception").doesNotContain("at dev.parley");
			return this;
		}

		/**
		 * Asserts a 400 problem of this slug naming {@code field} (or one of its
		 * elements) among its errors.
		 */
		Response assertField(String slug, String field) {
			assertProblem(400, slug);
			List<String> fields = new ArrayList<>();
			body().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			assertThat(fields).as(raw()).anyMatch((name) -> name.equals(field) || name.startsWith(field + "["));
			return this;
		}

	}

}
