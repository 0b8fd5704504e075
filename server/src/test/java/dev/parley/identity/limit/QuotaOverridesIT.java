package dev.parley.identity.limit;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota overrides over real HTTP: the user's override wins over their role's, which wins
 * over the configuration; 0 is unlimited; a lowered daily quota refuses the next send and
 * a lowered request limit the next requests; every change is audited; and the caller's
 * own quota shows what applies, with a session and with an API key. Role overrides are
 * set on {@code agent} only and cleared again, since tests share the application.
 */
class QuotaOverridesIT extends WholeAppTestBase {

	private static final String QUOTAS = "/api/v1/admin/quotas";

	@Test
	void theUsersOverrideWinsOverTheRolesWhichWinsOverTheDefaults() {
		TestAccounts.Session admin = newAdmin();
		TestAccounts.Session staff = newStaff();
		try {
			JsonNode defaults = call(admin, "GET", QUOTAS, null).json().get("defaults");
			long tokens = defaults.get("tokens_per_day").asLong();
			long requests = defaults.get("requests_per_minute").asLong();
			assertThat(ownQuota(staff).get("tokens_per_day").asLong()).isEqualTo(tokens);

			Response role = call(admin, "PUT", QUOTAS + "/roles/agent",
					"{\"tokens_per_day\":1000,\"requests_per_minute\":null}");
			assertThat(role.status()).as(role.body()).isEqualTo(200);
			assertThat(role.json().get("role").asString()).isEqualTo("agent");
			assertThat(role.json().get("tokens_per_day").asLong()).isEqualTo(1000);
			assertThat(role.json().get("requests_per_minute").isNull()).isTrue();
			assertThat(role.json().get("updated_at").isNull()).isFalse();
			assertThat(ownQuota(staff).get("tokens_per_day").asLong()).isEqualTo(1000);
			assertThat(ownQuota(staff).get("requests_per_minute").asLong()).isEqualTo(requests);

			Response user = call(admin, "PUT", QUOTAS + "/users/" + staff.userId(),
					"{\"tokens_per_day\":null,\"requests_per_minute\":50}");
			assertThat(user.status()).as(user.body()).isEqualTo(200);
			assertThat(user.json().get("user_id").asString()).isEqualTo(staff.userId());
			assertThat(user.json().get("email").asString()).isEqualTo(staff.email());
			JsonNode mixed = ownQuota(staff);
			assertThat(mixed.get("tokens_per_day").asLong()).isEqualTo(1000);
			assertThat(mixed.get("requests_per_minute").asLong()).isEqualTo(50);

			assertThat(call(admin, "PUT", QUOTAS + "/users/" + staff.userId(), "{\"tokens_per_day\":40}").status())
				.isEqualTo(200);
			assertThat(ownQuota(staff).get("tokens_per_day").asLong()).isEqualTo(40);
			assertThat(ownQuota(staff).get("requests_per_minute").asLong()).isEqualTo(requests);

			JsonNode overview = call(admin, "GET", QUOTAS, null).json();
			assertThat(overview.get("roles").findValuesAsString("role")).containsExactly("admin", "agent", "user");
			assertThat(overview.get("roles").get(1).get("tokens_per_day").asLong()).isEqualTo(1000);
			assertThat(overview.get("users").findValuesAsString("user_id")).contains(staff.userId());

			assertThat(call(admin, "DELETE", QUOTAS + "/users/" + staff.userId(), null).status()).isEqualTo(204);
			assertThat(ownQuota(staff).get("tokens_per_day").asLong()).isEqualTo(1000);
			assertThat(call(admin, "DELETE", QUOTAS + "/roles/agent", null).status()).isEqualTo(204);
			assertThat(ownQuota(staff).get("tokens_per_day").asLong()).isEqualTo(tokens);
			assertThat(call(admin, "GET", QUOTAS, null).json().get("users").findValuesAsString("user_id"))
				.doesNotContain(staff.userId());
		}
		finally {
			call(admin, "DELETE", QUOTAS + "/roles/agent", null);
		}
	}

	@Test
	void aLoweredDailyQuotaRefusesTheNextSendAndZeroIsUnlimited() {
		TestAccounts.Session admin = newAdmin();
		TestAccounts.Session ann = newUser();
		String conversation = call(ann, "POST", CONVERSATIONS, "{}").text("/id");
		String messages = CONVERSATIONS + "/" + conversation + "/messages";
		assertThat(call(ann, "POST", messages, message("hello", "sim?tokens=40")).status()).isEqualTo(200);
		JsonNode used = ownQuota(ann);
		long today = count("SELECT tokens FROM token_usage WHERE user_id = ? AND usage_day = ?", ann.userId(),
				LocalDate.now(ZoneOffset.UTC));
		assertThat(used.get("tokens_used_today").asLong()).isEqualTo(today).isPositive();

		setUser(admin, ann, "{\"tokens_per_day\":" + today + "}");
		Response refused = call(ann, "POST", messages, message("again", "sim?tokens=1"));
		refused.assertProblem(429, "quota-exceeded");
		assertThat(refused.header("Retry-After")).isNotNull();
		JsonNode exhausted = ownQuota(ann);
		assertThat(exhausted.get("tokens_per_day").asLong()).isEqualTo(today);
		assertThat(exhausted.get("tokens_remaining").asLong()).isZero();

		setUser(admin, ann, "{\"tokens_per_day\":0}");
		assertThat(call(ann, "POST", messages, message("unlimited", "sim?tokens=1")).status()).isEqualTo(200);
		JsonNode unlimited = ownQuota(ann);
		assertThat(unlimited.get("tokens_per_day").isNull()).isTrue();
		assertThat(unlimited.get("tokens_remaining").isNull()).isTrue();
		assertThat(unlimited.get("resets_at").asString()).endsWith("T00:00:00Z");
	}

	@Test
	void aLoweredRequestLimitIsEnforcedOnTheNextRequestsAlsoForApiKeys() {
		TestAccounts.Session admin = newAdmin();
		TestAccounts.Session bob = newUser();
		String key = apiKey(bob, "conversations:read");
		for (int i = 0; i < 3; i++) {
			assertThat(me(bob.bearer()).status()).isEqualTo(200);
		}
		setUser(admin, bob, "{\"requests_per_minute\":2}");
		Response first = me(bob.bearer());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
		assertThat(me(bob.bearer()).status()).isEqualTo(200);
		me(bob.bearer()).assertProblem(429, "rate-limited");

		assertThat(me("Bearer " + key).status()).isEqualTo(200);
		assertThat(me("Bearer " + key).status()).isEqualTo(200);
		me("Bearer " + key).assertProblem(429, "rate-limited");

		setUser(admin, bob, "{\"requests_per_minute\":0}");
		for (int i = 0; i < 5; i++) {
			Response unlimited = me(bob.bearer());
			assertThat(unlimited.status()).isEqualTo(200);
			assertThat(unlimited.header("RateLimit-Limit")).isNull();
		}
	}

	@Test
	void theOwnQuotaWorksWithAnApiKey() {
		TestAccounts.Session carol = newUser();
		String key = apiKey(carol, "chat");
		Response quota = request("GET", "/api/v1/users/me/quota").authorization("Bearer " + key).send();
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);
		assertThat(quota.json().get("tokens_used_today").asLong()).isZero();
		assertThat(quota.json().get("requests_per_minute").asLong()).isPositive();
	}

	@Test
	void changesAreAuditedAndBadInputIsRefused() {
		TestAccounts.Session admin = newAdmin();
		TestAccounts.Session dave = newUser();
		try {
			setUser(admin, dave, "{\"tokens_per_day\":123,\"requests_per_minute\":null}");
			assertThat(call(admin, "DELETE", QUOTAS + "/users/" + dave.userId(), null).status()).isEqualTo(204);
			assertThat(call(admin, "PUT", QUOTAS + "/roles/agent", "{\"requests_per_minute\":9}").status())
				.isEqualTo(200);
			assertThat(call(admin, "DELETE", QUOTAS + "/roles/agent", null).status()).isEqualTo(204);
			JsonNode audit = call(admin, "GET", "/api/v1/admin/audit-log?limit=200", null).json().get("items");
			assertThat(entry(audit, "quota.user.set", dave.userId()).get("details").asString())
				.isEqualTo("tokens_per_day=123 requests_per_minute=null");
			assertThat(entry(audit, "quota.user.set", dave.userId()).get("actor_id").asString())
				.isEqualTo(admin.userId());
			assertThat(entry(audit, "quota.user.clear", dave.userId())).isNotNull();
			assertThat(entry(audit, "quota.role.set", "agent").get("details").asString())
				.isEqualTo("tokens_per_day=null requests_per_minute=9");
			assertThat(entry(audit, "quota.role.clear", "agent")).isNotNull();
		}
		finally {
			call(admin, "DELETE", QUOTAS + "/roles/agent", null);
		}

		call(admin, "PUT", QUOTAS + "/roles/boss", "{}").assertProblem(400, "invalid-request");
		call(admin, "PUT", QUOTAS + "/users/" + dave.userId(), "{\"tokens_per_day\":-1}").assertField("invalid-request",
				"tokens_per_day");
		call(admin, "PUT", QUOTAS + "/users/" + dave.userId(), "{\"tokens_per_day\":1000000001}")
			.assertField("invalid-request", "tokens_per_day");
		call(admin, "PUT", QUOTAS + "/users/" + dave.userId(), "{\"requests_per_minute\":1000001}")
			.assertField("invalid-request", "requests_per_minute");
		call(admin, "PUT", QUOTAS + "/users/" + dave.userId(), "{\"tokens\":1}").assertProblem(400, "unknown-field");
		call(admin, "PUT", QUOTAS + "/users/01a23cb7-0000-7000-8000-000000000000", "{}").assertProblem(404,
				"user-not-found");
		call(admin, "DELETE", QUOTAS + "/users/01a23cb7-0000-7000-8000-000000000000", null).assertProblem(404,
				"user-not-found");
		assertThat(call(admin, "GET", QUOTAS + "?limit=1", null).status()).isEqualTo(200);
	}

	@Test
	void onlyAnAdministratorsSessionReachesTheQuotas() {
		TestAccounts.Session admin = newAdmin();
		String adminKey = apiKey(admin, "chat");
		for (TestAccounts.Session caller : new TestAccounts.Session[] { newUser(), newStaff() }) {
			assertThat(call(caller, "GET", QUOTAS, null).status()).isEqualTo(403);
			assertThat(call(caller, "PUT", QUOTAS + "/roles/user", "{}").status()).isEqualTo(403);
			assertThat(call(caller, "DELETE", QUOTAS + "/roles/user", null).status()).isEqualTo(403);
			assertThat(call(caller, "PUT", QUOTAS + "/users/" + caller.userId(), "{\"tokens_per_day\":0}").status())
				.isEqualTo(403);
			assertThat(call(caller, "DELETE", QUOTAS + "/users/" + caller.userId(), null).status()).isEqualTo(403);
		}
		send("GET", QUOTAS, "Bearer " + adminKey, null).assertProblem(403, "admin-session-required");
	}

	private void setUser(TestAccounts.Session admin, TestAccounts.Session user, String body) {
		Response set = call(admin, "PUT", QUOTAS + "/users/" + user.userId(), body);
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	private JsonNode ownQuota(TestAccounts.Session session) {
		Response quota = call(session, "GET", "/api/v1/users/me/quota", null);
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);
		return quota.json();
	}

	private Response me(String authorization) {
		return request("GET", "/api/v1/users/me").authorization(authorization).accept(null).send();
	}

	private static JsonNode entry(JsonNode audit, String action, String target) {
		for (JsonNode entry : audit) {
			if (entry.get("action").asString().equals(action) && entry.get("target_id").asString().equals(target)) {
				return entry;
			}
		}
		throw new AssertionError("No audit entry " + action + " on " + target);
	}

}
