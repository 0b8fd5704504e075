package dev.parley.testsupport;

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
	public static Session newUser(TestClient client) {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		Response registered = client.send("POST", "/api/v1/auth/register", null,
				JSON.createObjectNode()
					.put("email", email)
					.put("password", PASSWORD)
					.put("display_name", "Test user")
					.toString());
		if (registered.status() != 201) {
			throw new IllegalStateException("register: " + registered.status() + " " + registered.body());
		}
		return login(client, email, PASSWORD);
	}

	public static Session login(TestClient client, String email, String password) {
		Response response = client.send("POST", "/api/v1/auth/login", null,
				JSON.createObjectNode().put("email", email).put("password", password).toString());
		if (response.status() != 200) {
			throw new IllegalStateException("login: " + response.status() + " " + response.body());
		}
		JsonNode body = response.json();
		return new Session(body.at("/user/id").asString(), email, body.get("access_token").asString(),
				body.get("refresh_token").asString());
	}

	/** The administrator every whole-application test configures ({@link TestApp}). */
	public static Session admin(TestClient client) {
		return login(client, TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
	}

}
