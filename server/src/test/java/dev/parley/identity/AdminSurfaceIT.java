package dev.parley.identity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration surface ({@code /api/v1/admin/**} and the actuator endpoints that
 * are not open) answers only an administrator's login session: an API key is refused
 * whatever its owner's role and scopes. What is open (health, info, prometheus) names no
 * path, host, account or secret.
 */
class AdminSurfaceIT extends WholeAppTestBase {

	private static final List<String> ADMINISTRATION = List.of("/actuator/metrics", "/actuator/metrics/jvm.info",
			"/actuator", "/api/v1/admin/users", "/api/v1/admin/providers");

	private static final List<String> OPEN = List.of("/actuator/prometheus", "/actuator/health",
			"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/health");

	@Autowired
	private Environment environment;

	@Test
	void onlyAnAdministratorsLoginSessionReachesAdministration() {
		Session admin = admin();
		String chatKey = apiKey(admin, "chat");
		String everyScope = apiKey(admin, Scope.all().toArray(String[]::new));
		Session user = newUser();
		String usersKey = apiKey(user, Scope.all().toArray(String[]::new));
		for (String path : ADMINISTRATION) {
			Response granted = call(admin, "GET", path, null);
			assertThat(granted.status()).as("%s with the administrator's access token: %s", path, granted.body())
				.isEqualTo(200);
			for (String key : List.of(chatKey, everyScope, usersKey)) {
				send("GET", path, "Bearer " + key, null).assertProblem(403, "admin-session-required");
			}
			call(user, "GET", path, null).assertProblem(403, "forbidden");
			send("GET", path, null, null).assertProblem(401, "unauthorized");
		}
	}

	@Test
	void anAdministratorsApiKeyChangesNothing() {
		Session admin = admin();
		String everyScope = apiKey(admin, Scope.all().toArray(String[]::new));
		String email = "by-key-" + UUID.randomUUID() + "@example.com";
		Response refused = send("POST", "/api/v1/admin/users", "Bearer " + everyScope,
				json("email", email, "password", "Strong-pass-123"));
		refused.assertProblem(403, "admin-session-required");
		assertThat(refused.text("/detail")).contains("API keys never reach administration");
		assertThat(call(admin, "GET", "/api/v1/admin/users?q=" + email, null).json().get("items")).isEmpty();
	}

	@Test
	void nothingOpenNamesAPathAHostOrASecret() {
		Session admin = admin();
		// Something for the series to show: an administrator's calls and a refused key.
		call(admin, "GET", "/api/v1/admin/users", null);
		send("GET", "/actuator/metrics", "Bearer " + apiKey(admin, "chat"), null);
		List<String> secrets = List.of(this.environment.getRequiredProperty("parley.data-dir"),
				this.environment.getRequiredProperty("spring.datasource.url"), System.getProperty("user.dir"),
				System.getProperty("user.name"), System.getProperty("java.home"), TestApp.JWT_SECRET,
				TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD, TestApp.PROVIDER_KEY, admin.userId(), "jdbc:", "file:");
		for (String path : OPEN) {
			Response open = request("GET", path).accept(null).send();
			assertThat(open.status()).as("%s: %s", path, open.body()).isEqualTo(200);
			assertThat(open.body()).as(path).doesNotContain("path=").doesNotContain("disk_").doesNotContain(secrets);
		}
	}

}
