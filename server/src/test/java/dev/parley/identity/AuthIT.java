package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration, login, refresh rotation with reuse detection, logout, profile and
 * password change, and every kind of bad credential, over real HTTP.
 */
class AuthIT extends WholeAppTestBase {

	@Test
	void aNewUserRegistersLogsInRefreshesAndLogsOut() {
		String email = "Alice." + System.nanoTime() + "@Example.com";
		Response registered = send("POST", "/api/v1/auth/register", null,
				json("email", email, "password", "Tea-and-biscuits-9", "display_name", "Alice"));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.text("/email")).isEqualTo(email.toLowerCase());
		assertThat(registered.text("/role")).isEqualTo("user");
		assertThat(registered.body()).doesNotContain("password_hash").doesNotContain("Tea-and");

		Response login = send("POST", "/api/v1/auth/login", null,
				json("email", email.toUpperCase(), "password", "Tea-and-biscuits-9"));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text("/token_type")).isEqualTo("Bearer");
		assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
		String access = "Bearer " + login.text("/access_token");
		assertThat(send("GET", "/api/v1/users/me", access, null).text("/display_name")).isEqualTo("Alice");

		Response refreshed = send("POST", "/api/v1/auth/refresh", null,
				json("refresh_token", login.text("/refresh_token")));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.text("/refresh_token")).isNotEqualTo(login.text("/refresh_token"));
		String newAccess = "Bearer " + refreshed.text("/access_token");
		assertThat(send("GET", "/api/v1/conversations", newAccess, null).status()).isEqualTo(200);

		assertThat(send("POST", "/api/v1/auth/logout", newAccess, null).status()).isEqualTo(204);
		send("GET", "/api/v1/users/me", newAccess, null).assertProblem(401, "unauthorized");
		send("GET", "/api/v1/users/me", access, null).assertProblem(401, "unauthorized");
		send("POST", "/api/v1/auth/refresh", null, json("refresh_token", refreshed.text("/refresh_token")))
			.assertProblem(401, "invalid-refresh-token");
	}

	@Test
	void aRefreshTokenUsedTwiceRevokesTheWholeSession() {
		TestAccounts.Session user = newUser();
		Response first = send("POST", "/api/v1/auth/refresh", null, json("refresh_token", user.refreshToken()));
		assertThat(first.status()).isEqualTo(200);

		// Within the reuse grace (2 s in the tests) a second refresh is a retry of the
		// first
		// and gets its answer (ConcurrentRefreshIT); after it, it is reuse.
		Eventually.eventually("the reuse grace to pass")
			.until(() -> send("POST", "/api/v1/auth/refresh", null, json("refresh_token", user.refreshToken())),
					(answer) -> answer.status() != 200)
			.assertProblem(401, "refresh-token-reused");
		send("POST", "/api/v1/auth/refresh", null, json("refresh_token", first.text("/refresh_token")))
			.assertProblem(401, "invalid-refresh-token");
		send("GET", "/api/v1/users/me", "Bearer " + first.text("/access_token"), null).assertProblem(401,
				"unauthorized");
		send("POST", "/api/v1/auth/refresh", null, json("refresh_token", "not-a-token")).assertProblem(401,
				"invalid-refresh-token");
	}

	@Test
	void aStaleAccessTokenSentAlongDoesNotBlockRefreshOrLogin() {
		TestAccounts.Session user = newUser();
		assertThat(send("POST", "/api/v1/auth/logout", user.bearer(), null).status()).isEqualTo(204);
		String stale = user.bearer();
		send("GET", "/api/v1/users/me", stale, null).assertProblem(401, "unauthorized");
		assertThat(send("POST", "/api/v1/auth/login", stale,
				json("email", user.email(), "password", TestAccounts.PASSWORD))
			.status()).isEqualTo(200);
		TestAccounts.Session fresh = TestAccounts.login(this.http, user.email(), TestAccounts.PASSWORD);
		assertThat(send("POST", "/api/v1/auth/refresh", "Bearer garbage.token.here",
				json("refresh_token", fresh.refreshToken()))
			.status()).isEqualTo(200);
	}

	@Test
	void forgedExpiredAndMissingTokensAreRejected() throws Exception {
		TestAccounts.Session user = newUser();
		String sessionId = sessionOf(user);
		Response missing = send("GET", "/api/v1/conversations", null, null).assertProblem(401, "unauthorized");
		assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

		String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
				+ base64("{\"iss\":\"parley\",\"sub\":\"" + user.userId() + "\",\"sid\":\"" + sessionId + "\",\"exp\":"
						+ (Instant.now().getEpochSecond() + 600) + "}")
				+ ".";
		send("GET", "/api/v1/conversations", "Bearer " + unsigned, null).assertProblem(401, "unauthorized");
		send("GET", "/api/v1/conversations",
				"Bearer " + sign(user, sessionId, "another-key-of-at-least-32-bytes!!", Instant.now().plusSeconds(600)),
				null)
			.assertProblem(401, "unauthorized");
		byte[] realKey = Base64.getDecoder().decode(TestApp.JWT_SECRET);
		send("GET", "/api/v1/conversations", "Bearer "
				+ sign(user, sessionId, new String(realKey, StandardCharsets.UTF_8), Instant.now().minusSeconds(600)),
				null)
			.assertProblem(401, "unauthorized");
		String tampered = user.accessToken().substring(0, user.accessToken().length() - 3) + "abc";
		send("GET", "/api/v1/conversations", "Bearer " + tampered, null).assertProblem(401, "unauthorized");
		send("GET", "/api/v1/conversations", "Basic dXNlcjpwYXNz", null).assertProblem(401, "unauthorized");
		// The real key signs, so this one is accepted: the test's forging is right.
		assertThat(send("GET", "/api/v1/conversations", "Bearer "
				+ sign(user, sessionId, new String(realKey, StandardCharsets.UTF_8), Instant.now().plusSeconds(600)),
				null)
			.status()).isEqualTo(200);
	}

	@Test
	void registrationRejectsTakenMalformedAndWeakInputAndStoresNothing() {
		TestAccounts.Session existing = newUser();
		long users = count("SELECT COUNT(*) FROM users");
		send("POST", "/api/v1/auth/register", null,
				json("email", existing.email().toUpperCase(), "password", TestAccounts.PASSWORD))
			.assertProblem(409, "email-taken");
		for (String email : new String[] { "no-at-sign", "two@@example.com", "a@b", " ", "x@example.com\n<script>" }) {
			Response bad = send("POST", "/api/v1/auth/register", null,
					json("email", email, "password", "Strong-pass-123"))
				.assertProblem(400, "invalid-request");
			assertThat(bad.text("/errors/0/field")).isEqualTo("email");
		}
		for (String weak : new String[] { "short1!", "alllowercaseletters", "1234567890", "Password123",
				"a".repeat(80) + "1" }) {
			send("POST", "/api/v1/auth/register", null, json("email", "weak@example.com", "password", weak))
				.assertProblem(400, "weak-password");
		}
		send("POST", "/api/v1/auth/register", null,
				json("email", "mass@example.com", "password", "Strong-pass-123", "role", "admin"))
			.assertProblem(400, "unknown-field");
		send("POST", "/api/v1/auth/register", null, "{\"email\": ").assertProblem(400, "malformed-json");
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(users);
	}

	@Test
	void wrongPasswordsAndUnknownAccountsGetTheSameAnswer() {
		TestAccounts.Session user = newUser();
		Response wrong = send("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", "Nope-12345"))
			.assertProblem(401, "invalid-credentials");
		Response unknown = send("POST", "/api/v1/auth/login", null,
				json("email", "nobody@example.com", "password", "Nope-12345"))
			.assertProblem(401, "invalid-credentials");
		assertThat(wrong.text("/detail")).isEqualTo(unknown.text("/detail"));
	}

	@Test
	void repeatedWrongPasswordsThrottleTheAccountWithBackOff() {
		TestAccounts.Session user = newUser();
		for (int i = 0; i < 5; i++) {
			send("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", "Guess-number-" + i))
				.assertProblem(401, "invalid-credentials");
		}
		Response throttled = send("POST", "/api/v1/auth/login", null,
				json("email", user.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(429, "login-throttled");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		assertThat(newUser().accessToken()).as("another account still logs in").isNotBlank();
		assertThat(call(user, "GET", "/api/v1/users/me", null).status()).as("existing sessions go on").isEqualTo(200);
	}

	@Test
	void aUserCannotChangeTheirOwnRoleOrStatus() {
		TestAccounts.Session user = newUser();
		call(user, "PATCH", "/api/v1/users/me", json("role", "admin")).assertProblem(400, "unknown-field");
		call(user, "PATCH", "/api/v1/users/me", json("status", "active", "display_name", "x")).assertProblem(400,
				"unknown-field");
		call(user, "GET", "/api/v1/admin/users", null).assertProblem(403, "forbidden");
		assertThat(call(user, "GET", "/api/v1/users/me", null).text("/role")).isEqualTo("user");
		assertThat(call(user, "GET", "/api/v1/users/me", null).text("/display_name")).isEqualTo("Test user");
	}

	@Test
	void injectionStringsAreStoredAndReturnedVerbatim() {
		TestAccounts.Session user = newUser();
		String hostile = "Robert'); DROP TABLE users;-- <script>alert(1)</script> \" OR 1=1 #";
		Response updated = call(user, "PATCH", "/api/v1/users/me", json("display_name", hostile));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("Content-Type")).startsWith("application/json");
		assertThat(call(user, "GET", "/api/v1/users/me", null).text("/display_name")).isEqualTo(hostile);
		assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", user.userId())).isOne();
		Response login = send("POST", "/api/v1/auth/login", null,
				json("email", "' OR '1'='1", "password", "' OR '1'='1"));
		assertThat(login.status()).isIn(400, 401);
	}

	@Test
	void changingThePasswordEndsTheOtherSessions() {
		TestAccounts.Session first = newUser();
		TestAccounts.Session second = TestAccounts.login(this.http, first.email(), TestAccounts.PASSWORD);
		call(first, "POST", "/api/v1/users/me/password",
				json("current_password", "wrong-one-123", "new_password", "New-secret-456"))
			.assertProblem(400, "invalid-request");
		call(first, "POST", "/api/v1/users/me/password",
				json("current_password", TestAccounts.PASSWORD, "new_password", "weak"))
			.assertProblem(400, "weak-password");

		assertThat(call(first, "POST", "/api/v1/users/me/password",
				json("current_password", TestAccounts.PASSWORD, "new_password", "New-secret-456"))
			.status()).isEqualTo(204);
		assertThat(call(first, "GET", "/api/v1/users/me", null).status()).isEqualTo(200);
		call(second, "GET", "/api/v1/users/me", null).assertProblem(401, "unauthorized");
		send("POST", "/api/v1/auth/login", null, json("email", first.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(401, "invalid-credentials");
		assertThat(TestAccounts.login(this.http, first.email(), "New-secret-456").accessToken()).isNotBlank();
	}

	private String sessionOf(TestAccounts.Session user) {
		return this.jdbc.sql("SELECT id FROM sessions WHERE user_id = ? ORDER BY id DESC")
			.param(user.userId())
			.query(String.class)
			.list()
			.getFirst();
	}

	private static String sign(TestAccounts.Session user, String sessionId, String secret, Instant expiry)
			throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("parley")
			.subject(user.userId())
			.claim("sid", sessionId)
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
