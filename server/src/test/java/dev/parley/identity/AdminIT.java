package dev.parley.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators list, create, promote, disable and reset accounts; each action is
 * audited and takes effect at once; nobody else may do any of it.
 */
class AdminIT extends IdentityTestSupport {

	@Test
	void anAdminCreatesAnAccountWithAOneTimePasswordThatMustBeChanged() {
		TestAccounts.Session admin = admin();
		Response created = as(admin, "POST", "/api/v1/admin/users", json("email",
				"staff-" + UUID.randomUUID() + "@example.com", "display_name", "Support", "role", "agent"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("/user/role")).isEqualTo("agent");
		String temporary = created.text("/temporary_password");
		assertThat(temporary).hasSize(20);

		TestAccounts.Session staff = TestAccounts.login(this.http, base(), created.text("/user/email"), temporary);
		as(staff, "GET", "/api/v1/conversations", null).assertProblem(403, "password-change-required");
		assertThat(as(staff, "GET", "/api/v1/users/me", null).body().get("password_change_required").asBoolean())
			.isTrue();
		assertThat(as(staff, "POST", "/api/v1/users/me/password",
				json("current_password", temporary, "new_password", "Helpful-staff-1"))
			.status()).isEqualTo(204);
		assertThat(as(staff, "GET", "/api/v1/conversations", null).status()).isEqualTo(200);
		assertThat(auditActions()).contains("user.create");
	}

	@Test
	void disablingAUserStopsTheirTokensAndKeysAtOnce() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		String key = as(user, "POST", "/api/v1/api-keys", json("name", "script")).text("/key");
		assertThat(call("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);

		Response disabled = as(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("status", "disabled"));
		assertThat(disabled.text("/status")).isEqualTo("disabled");
		as(user, "GET", "/api/v1/conversations", null).assertProblem(401, "unauthorized");
		call("GET", "/api/v1/conversations", "Bearer " + key, null).assertProblem(401, "unauthorized");
		call("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(403, "account-disabled");
		call("POST", "/api/v1/auth/refresh", null, json("refresh_token", user.refreshToken())).assertProblem(401,
				"invalid-refresh-token");

		as(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("status", "active"));
		assertThat(call("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);
		assertThat(auditActions()).contains("user.disable", "user.enable");
	}

	@Test
	void rolesChangeAndPasswordsResetWithAnAuditTrail() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		Response promoted = as(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "admin"));
		assertThat(promoted.text("/role")).isEqualTo("admin");
		TestAccounts.Session promotedSession = TestAccounts.login(this.http, base(), user.email(),
				TestAccounts.PASSWORD);
		assertThat(as(promotedSession, "GET", "/api/v1/admin/users", null).status()).isEqualTo(200);

		Response reset = as(admin, "POST", "/api/v1/admin/users/" + user.userId() + "/password-reset", null);
		assertThat(reset.status()).isEqualTo(200);
		as(promotedSession, "GET", "/api/v1/users/me", null).assertProblem(401, "unauthorized");
		call("POST", "/api/v1/auth/login", null, json("email", user.email(), "password", TestAccounts.PASSWORD))
			.assertProblem(401, "invalid-credentials");
		TestAccounts.login(this.http, base(), user.email(), reset.text("/temporary_password"));

		JsonNode audit = as(admin, "GET", "/api/v1/admin/audit-log?limit=100", null).body().get("items");
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
			as(admin, "POST", "/api/v1/admin/users", json("email", marker + i + "@example.com", "password",
					"Strong-pass-123", "display_name", "Person " + i));
		}
		Response first = as(admin, "GET", "/api/v1/admin/users?q=" + marker + "&limit=2", null);
		assertThat(first.body().get("items")).hasSize(2);
		String cursor = first.text("/next_cursor");
		Response second = as(admin, "GET",
				"/api/v1/admin/users?q=" + marker.toUpperCase() + "&limit=2&cursor=" + cursor, null);
		assertThat(second.body().get("items")).hasSize(1);
		assertThat(second.body().get("next_cursor").isNull()).isTrue();
		assertThat(as(admin, "GET", "/api/v1/admin/users?q=%25", null).body().get("items")).isEmpty();
		assertThat(first.raw().body()).doesNotContain("password_hash");
	}

	@Test
	void badAdminRequestsAreProblemsAndChangeNothing() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		String adminKey = as(admin, "POST", "/api/v1/api-keys", json("name", "admin key")).text("/key");
		call("GET", "/api/v1/admin/users", "Bearer " + adminKey, null).assertProblem(403, "forbidden");
		as(user, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "admin")).assertProblem(403,
				"forbidden");
		as(admin, "PATCH", "/api/v1/admin/users/" + admin.userId(), json("role", "user")).assertProblem(409,
				"self-lockout");
		as(admin, "PATCH", "/api/v1/admin/users/" + admin.userId(), json("status", "disabled")).assertProblem(409,
				"self-lockout");
		as(admin, "PATCH", "/api/v1/admin/users/" + UUID.randomUUID(), json("role", "agent")).assertProblem(404,
				"user-not-found");
		as(admin, "PATCH", "/api/v1/admin/users/not-an-id", json("role", "agent")).assertProblem(400, "invalid-id");
		as(admin, "PATCH", "/api/v1/admin/users/" + user.userId(), json("role", "superuser")).assertProblem(400,
				"invalid-request");
		as(admin, "POST", "/api/v1/admin/users", json("email", user.email(), "password", "Strong-pass-123"))
			.assertProblem(409, "email-taken");
		assertThat(as(user, "GET", "/api/v1/users/me", null).text("/role")).isEqualTo("user");
		assertThat(as(admin, "GET", "/api/v1/users/me", null).text("/role")).isEqualTo("admin");
	}

	private java.util.List<String> auditActions() {
		return this.jdbc.sql("SELECT action FROM audit_log").query(String.class).list();
	}

}
