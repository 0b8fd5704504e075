package dev.parley.identity.limit;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Parley instances on different ports, sharing one PostgreSQL and one Redis, enforce
 * a single limit: a user's requests count against the same bucket whichever instance they
 * reach, and a token issued by one instance works on the other.
 */
class SharedRateLimitIT {

	@Test
	void twoInstancesShareOneLimitThroughRedis() throws Exception {
		TestRedis.require();
		try (TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext first = start(database, "node-a");
				ConfigurableApplicationContext second = start(database, "node-b")) {
			TestClient[] clients = { TestClient.of(first), TestClient.of(second) };
			assertThat(clients[0].baseUrl()).isNotEqualTo(clients[1].baseUrl());
			TestAccounts.Session user = TestAccounts.newUser(clients[0]);

			for (int i = 0; i < 6; i++) {
				Response answer = get(clients[i % 2], user);
				assertThat(answer.status()).as("request %d on instance %d", i + 1, i % 2).isEqualTo(200);
				assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
			}
			for (TestClient client : clients) {
				Response refused = get(client, user);
				assertThat(refused.status()).isEqualTo(429);
				assertThat(refused.headers().firstValue("Retry-After")).isPresent();
				assertThat(refused.body()).contains("https://parley.dev/problems/rate-limited");
			}
			TestAccounts.Session other = TestAccounts.newUser(clients[1]);
			assertThat(get(clients[0], other).status()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String instance) throws Exception {
		return new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--parley.data-dir=" + Files.createTempDirectory("parley-" + instance),
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--parley.redis.url=" + TestRedis.URL, "--parley.identity.jwt-secret=" + TestApp.JWT_SECRET,
				"--parley.chat.instance-id=" + instance, "--parley.limits.user-requests-per-minute=6",
				"--parley.limits.anonymous-requests-per-minute=0");
	}

	private static Response get(TestClient client, TestAccounts.Session session) {
		return client.request("GET", "/api/v1/users/me").as(session).accept(null).send();
	}

}
