package dev.parley.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the provider admin tests: a real Parley on a random port with a configured
 * first administrator, called over HTTP; every response body is kept so that a test can
 * check that no raw key ever left the server.
 */
abstract class ProviderTestSupport {

	static final String ADMIN_EMAIL = "root@example.com";

	static final String ADMIN_PASSWORD = "Admin-password-77";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** Every response body this test received. */
	final List<String> bodies = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void parley(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("parley-providers");
		registry.add("parley.data-dir", dataDir::toString);
		registry.add("parley.identity.jwt-secret", () -> "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzLWxvbmch");
		registry.add("parley.identity.admin-email", () -> ADMIN_EMAIL);
		registry.add("parley.identity.admin-password", () -> ADMIN_PASSWORD);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	TestAccounts.Session admin() {
		return TestAccounts.login(this.http, base(), ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	TestAccounts.Session newUser() {
		return TestAccounts.newUser(this.http, base());
	}

	HttpResponse<String> call(TestAccounts.Session session, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (session != null) {
			request.header("Authorization", session.bearer());
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			this.bodies.add(response.body());
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** A provider body for {@code base_url} with these models and keys. */
	static ObjectNode provider(String name, String baseUrl, List<String> models, List<String> keys) {
		ObjectNode body = JSON.createObjectNode().put("name", name).put("base_url", baseUrl);
		models.forEach(body.putArray("models")::add);
		keys.forEach(body.putArray("api_keys")::add);
		return body;
	}

	/** Asserts a problem+json answer of this status and type slug. */
	static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://parley.dev/problems/" + slug);
		return problem;
	}

}
