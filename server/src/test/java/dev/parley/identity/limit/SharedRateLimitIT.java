package dev.parley.identity.limit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Parley instances on different ports, sharing one PostgreSQL and one Redis, enforce
 * a single limit: a user's requests count against the same bucket whichever instance they
 * reach, and a token issued by one instance works on the other.
 */
class SharedRateLimitIT {

	private static final String SHARED_SECRET = "c2hhcmVkLXNpZ25pbmcta2V5LWZvci10d28taW5zdGFuY2VzIQ==";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void twoInstancesShareOneLimitThroughRedis() throws Exception {
		TestRedis.require();
		try (TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext first = start(database, "node-a");
				ConfigurableApplicationContext second = start(database, "node-b")) {
			String[] bases = { base(first), base(second) };
			assertThat(bases[0]).isNotEqualTo(bases[1]);
			TestAccounts.Session user = TestAccounts.newUser(this.http, bases[0]);

			for (int i = 0; i < 6; i++) {
				HttpResponse<String> answer = get(bases[i % 2], user);
				assertThat(answer.statusCode()).as("request %d on instance %d", i + 1, i % 2).isEqualTo(200);
				assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
			}
			for (String base : bases) {
				HttpResponse<String> refused = get(base, user);
				assertThat(refused.statusCode()).isEqualTo(429);
				assertThat(refused.headers().firstValue("Retry-After")).isPresent();
				assertThat(refused.body()).contains("https://parley.dev/problems/rate-limited");
			}
			TestAccounts.Session other = TestAccounts.newUser(this.http, bases[1]);
			assertThat(get(bases[0], other).statusCode()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String instance) throws Exception {
		return new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--parley.data-dir=" + Files.createTempDirectory("parley-" + instance),
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--parley.redis.url=" + TestRedis.URL, "--parley.identity.jwt-secret=" + SHARED_SECRET,
				"--parley.chat.instance-id=" + instance, "--parley.limits.user-requests-per-minute=6",
				"--parley.limits.anonymous-requests-per-minute=0");
	}

	private HttpResponse<String> get(String base, TestAccounts.Session session) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/me"))
			.header("Authorization", session.bearer())
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

}
