package dev.parley.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Parley on a random port with a known signing key and a configured first
 * administrator, called over HTTP as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IdentityTestSupport {

	static final String JWT_SECRET = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzLWxvbmch";

	static final String ADMIN_EMAIL = "root@example.com";

	static final String ADMIN_PASSWORD = "Admin-password-77";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void identity(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("parley-identity");
		registry.add("parley.data-dir", dataDir::toString);
		registry.add("parley.identity.jwt-secret", () -> JWT_SECRET);
		registry.add("parley.identity.admin-email", () -> ADMIN_EMAIL);
		registry.add("parley.identity.admin-password", () -> ADMIN_PASSWORD);
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

	/**
	 * A JSON call with {@code authorization} as the Authorization header (null: none).
	 */
	Response call(String method, String path, String authorization, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response as(TestAccounts.Session session, String method, String path, String json) {
		return call(method, path, session.bearer(), json);
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	static String json(Object... pairs) {
		var node = JSON.createObjectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			if (value == null) {
				node.putNull((String) pairs[i]);
			}
			else if (value instanceof Boolean flag) {
				node.put((String) pairs[i], flag);
			}
			else {
				node.put((String) pairs[i], value.toString());
			}
		}
		return node.toString();
	}

	/** An HTTP answer with its body parsed when it is JSON. */
	record Response(HttpResponse<String> raw) {

		int status() {
			return this.raw.statusCode();
		}

		JsonNode body() {
			return JSON.readTree(this.raw.body());
		}

		String text(String pointer) {
			return body().at(pointer).asString();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		/** Asserts a problem+json answer of this status and type slug; returns this. */
		Response assertProblem(int status, String slug) {
			assertThat(status()).as(this.raw.body()).isEqualTo(status);
			assertThat(header("Content-Type")).startsWith("application/problem+json");
			assertThat(text("/type")).isEqualTo("https://parley.dev/problems/" + slug);
			assertThat(this.raw.body()).doesNotContain("Exception").doesNotContain("at dev.parley");
			return this;
		}

	}

}
