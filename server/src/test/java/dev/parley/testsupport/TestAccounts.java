package dev.parley.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers and logs in real accounts over HTTP, as a client of Parley would, for tests
 * that need an authenticated caller.
 */
public final class TestAccounts {

	public static final String PASSWORD = "Correct-horse-42";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestAccounts() {
	}

	/** A logged-in account: its id, e-mail and tokens. */
	public record Session(String userId, String email, String accessToken, String refreshToken) {

		public String bearer() {
			return "Bearer " + this.accessToken;
		}

	}

	/** Registers a fresh account with {@link #PASSWORD} and logs it in. */
	public static Session newUser(HttpClient http, String baseUrl) {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> registered = post(http, baseUrl + "/api/v1/auth/register",
				JSON.createObjectNode()
					.put("email", email)
					.put("password", PASSWORD)
					.put("display_name", "Test user")
					.toString());
		if (registered.statusCode() != 201) {
			throw new IllegalStateException("register: " + registered.statusCode() + " " + registered.body());
		}
		return login(http, baseUrl, email, PASSWORD);
	}

	public static Session login(HttpClient http, String baseUrl, String email, String password) {
		HttpResponse<String> response = post(http, baseUrl + "/api/v1/auth/login",
				JSON.createObjectNode().put("email", email).put("password", password).toString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("login: " + response.statusCode() + " " + response.body());
		}
		JsonNode body = JSON.readTree(response.body());
		return new Session(body.at("/user/id").asString(), email, body.get("access_token").asString(),
				body.get("refresh_token").asString());
	}

	private static HttpResponse<String> post(HttpClient http, String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
