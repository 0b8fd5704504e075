package dev.parley.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators list, create, promote, disable and reset accounts; each action is
 * audited and takes effect at once; nobody else may do any of it.
 */
class AdminIT extends WholeAppTestBase {

	@Test
	void anAdminCreatesAnAccountWithAOneTimePasswordThatMustBeChanged() {
		TestAccounts.Session admin = admin();
		Response created = call(admin, "POST", "/api/v1/admin/users", json("email",
				"staff-" + UUID.randomUUID() + "@example.com", "display_name", "Support", "role", "agent"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("/user/role")).isEqualTo("agent");
		String temporary = created.text("/temporary_password");
		assertThat(temporary).hasSize(20);

		TestAccounts.Session staff = TestAccounts.login(this.http, created.text("/user/email"), temporary);
		call(staff, "GET", "/api/v1/conversations", null).assertProblem(403, "password-change-required");
		assertThat(call(staff, "GET", "/api/v1/users/me", null).json().get("password_change_required").asBoolean())
			.isTrue();
		assertThat(call(staff, "POST", "/api/v1/users/me/password",
				json("current_password", temporary, "new_password", "Helpful-staff-1"))
			.status()).isEqualTo(204);
		assertThat(call(staff, "GET", "/api/v1/conversations", null).status()).isEqualTo(200);
		assertThat(auditActions()).contains("user.create");
	}

	@Test
	void disablingAUserStopsTheirTokensAndKeysAtOnce() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		String key = call(user, "POST", "/api/v1/api-keys", json("name", "script")).text("/key");
		assertThat(send("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);

		Response disabled = call(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("status", "disabled"));
		assertThat(disabled.text("/status")).isEqualTo("disabled");
		call(user, "GET", "/api/v1/conversations", null).assertProblem(401, "unauthorized");
		send("GET", "/api/v1/conversations", "Bearer " + key, null).assertProblem(401, "unauthorized");
		send("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(403, "account-disabled");
		send("POST", "/api/v1/auth/refresh", null, json("refresh_token", user.refreshToken())).assertProblem(401,
				"invalid-refresh-token");

		call(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("status", "active"));
		assertThat(send("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);
		assertThat(auditActions()).contains("user.disable", "user.enable");
	}

	@Test
	void rolesChangeAndPasswordsResetWithAnAuditTrail() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		Response promoted = call(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "admin"));
		assertThat(promoted.text("/role")).isEqualTo("admin");
		TestAccounts.Session promotedSession = TestAccounts.login(this.http, user.email(), TestAccounts.PASSWORD);
		assertThat(call(promotedSession, "GET", "/api/v1/admin/users", null).status()).isEqualTo(200);

		Response reset = call(admin, "POST", "/api/v1/admin/users/" + user.userId() + "/password-reset", null);
		assertThat(reset.status()).isEqualTo(200);
		call(promotedSession, "GET", "/api/v1/users/me", null).assertProblem(401, "unauthorized");
		send("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(401, "invalid-credentials");
		TestAccounts.login(this.http, user.email(), reset.text("/temporary_password"));

		JsonNode audit = call(admin, "GET", "/api/v1/admin/audit-log?limit=100", null).json().get("items");
		JsonNode roleChange = null;
		for (JsonNode entry : audit) {
			if (entry.get("action").asString().equals("user.role")
					&& user.userId().equals(entry.get("target_id").asString())) {
				roleChange = entry;
			}
		}
		assertThat(roleChange).isNotNull();
		assertThat(roleChange.get("actor_id").asString()).isEqualTo(admin.userId());
		assertThat(roleChange.get("details").asString()).isEqualTo("user -> admin");
		assertThat(roleChange.get("created_at").asString()).isNotBlank();
		assertThat(auditActions()).contains("user.password_reset");
	}

	@Test
	void usersArePagedAndSearched() {
		TestAccounts.Session admin = admin();
		String marker = "findme" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			call(admin, "POST", "/api/v1/admin/users", json("email", marker + i + "@example.com", "password",
					"Strong-pass-123", "display_name", "Person " + i));
		}
		Response first = call(admin, "GET", "/api/v1/admin/users?q=" + marker + "&limit=2", null);
		assertThat(first.json().get("items")).hasSize(2);
		String cursor = first.text("/next_cursor");
		Response second = call(admin, "GET",
				"/api/v1/admin/users?q=" + marker.toUpperCase() + "&limit=2&cursor=" + cursor, null);
		assertThat(second.json().get("items")).hasSize(1);
		assertThat(second.json().get("next_cursor").isNull()).isTrue();
		assertThat(call(admin, "GET", "/api/v1/admin/users?q=%25", null).json().get("items")).isEmpty();
		assertThat(first.body()).doesNotContain("password_hash");
	}

	@Test
	void badAdminRequestsAreProblemsAndChangeNothing() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		String adminKey = call(admin, "POST", "/api/v1/api-keys", json("name", "admin key")).text("/key");
		send("GET", "/api/v1/admin/users", "Bearer " + adminKey, null).assertProblem(403, "admin-session-required");
		call(user, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "admin")).assertProblem(403,
				"forbidden");
		call(admin, "PATCH", "/api/v1/admin/users/" + admin.userId(), json("role", "user")).assertProblem(409,
				"self-lockout");
		call(admin, "PATCH", "/api/v1/admin/users/" + admin.userId(), json("status", "disabled")).assertProblem(409,
				"self-lockout");
		call(admin, "PATCH", "/api/v1/admin/users/" + UUID.randomUUID(), json("role", "agent")).assertProblem(404,
				"user-not-found");
		call(admin, "PATCH", "/api/v1/admin/users/not-an-id", json("role", "agent")).assertProblem(400, "invalid-id");
		call(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "superuser")).assertProblem(400,
				"invalid-request");
		call(admin, "POST", "/api/v1/admin/users", json("email", user.email(), "password", "Strong-pass-123"))
			.assertProblem(409, "email-taken");
		assertThat(call(user, "GET", "/api/v1/users/me", null).text("/role")).isEqualTo("user");
		assertThat(call(admin, "GET", "/api/v1/users/me", null).text("/role")).isEqualTo("admin");
	}

	private java.util.List<String> auditActions() {
		return this.jdbc.sql("SELECT action FROM audit_log").query(String.class).list();
	}

}
