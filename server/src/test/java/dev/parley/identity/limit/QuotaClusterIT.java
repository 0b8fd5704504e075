package dev.parley.identity.limit;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing PostgreSQL and Redis: a quota override set, changed or cleared
 * through one applies on the other (which had the old value cached) on its next request,
 * for the request limit and the daily token quota, per user and per role.
 */
class QuotaClusterIT {

	@Test
	void anOverrideSetOnOneInstanceAppliesOnTheOther() throws Exception {
		TestRedis.require();
		try (TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext first = start(database, "quota-a");
				ConfigurableApplicationContext second = start(database, "quota-b")) {
			TestClient a = TestClient.of(first);
			TestClient b = TestClient.of(second);
			TestAccounts.Session admin = TestAccounts.admin(a);
			TestAccounts.Session user = TestAccounts.newUser(a);
			assertThat(quota(b, user).json().get("requests_per_minute").asLong()).isEqualTo(120);

			assertThat(a
				.call(admin, "PUT", "/api/v1/admin/quotas/users/" + user.userId(),
						"{\"requests_per_minute\":2,\"tokens_per_day\":77}")
				.status()).isEqualTo(200);
			Eventually.eventually("the second instance applies the user's override")
				.until(() -> quota(b, user).header("RateLimit-Limit").equals("2"));
			// One bucket for both instances, in Redis: one request left of the two.
			assertThat(quota(b, user).status()).isEqualTo(200);
			assertThat(quota(a, user).status()).isEqualTo(429);
			assertThat(quota(b, user).status()).isEqualTo(429);

			assertThat(a.call(admin, "PUT", "/api/v1/admin/quotas/users/" + user.userId(), "{}").status())
				.isEqualTo(200);
			assertThat(a.call(admin, "PUT", "/api/v1/admin/quotas/roles/user", "{\"tokens_per_day\":55}").status())
				.isEqualTo(200);
			Eventually.eventually("the second instance applies the role's override")
				.until(() -> quota(b, user).json().path("tokens_per_day").asLong() == 55);
			assertThat(a.call(admin, "DELETE", "/api/v1/admin/quotas/roles/user", null).status()).isEqualTo(204);
			Eventually.eventually("the second instance forgets the role's override")
				.until(() -> quota(b, user).json().path("tokens_per_day").asLong() == 200_000);
		}
	}

	private static Response quota(TestClient client, TestAccounts.Session user) {
		return client.request("GET", "/api/v1/users/me/quota").as(user).send();
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String instance) throws Exception {
		List<String> args = List.of("--server.port=0",
				"--parley.data-dir=" + Files.createTempDirectory("parley-" + instance),
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--parley.identity.jwt-secret=" + TestApp.JWT_SECRET, "--parley.chat.instance-id=" + instance,
				"--parley.identity.admin-email=" + TestApp.ADMIN_EMAIL,
				"--parley.identity.admin-password=" + TestApp.ADMIN_PASSWORD, "--parley.identity.bcrypt-strength=4",
				"--parley.limits.anonymous-requests-per-minute=0", "--parley.redis.url=" + TestRedis.URL);
		return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
	}

}
