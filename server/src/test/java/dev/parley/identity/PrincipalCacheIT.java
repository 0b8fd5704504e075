package dev.parley.identity;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the principal cache on, a revocation is refused on the very next request: logout,
 * key deletion, disabling a user, a password change; on one instance (embedded H2, a
 * PostgreSQL declared single-instance) and across two instances sharing PostgreSQL and
 * Redis, also while Redis is away (the cache is bypassed then). PostgreSQL without Redis
 * and without that declaration keeps reading the database on every request.
 */
class PrincipalCacheIT {

	@Test
	void revocationsTakeEffectAtOnceOnEmbeddedH2() throws Exception {
		try (TestDatabase database = TestDatabase.h2();
				ConfigurableApplicationContext app = start(database, "h2", null)) {
			assertThat(app.getBean(PrincipalCache.class).usable()).isTrue();
			revocationsTakeEffectAtOnce(TestClient.of(app), TestClient.of(app));
		}
	}

	@Test
	void revocationsTakeEffectAtOnceOnASingleInstancePostgreSql() throws Exception {
		try (TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext app = start(database, "alone", null,
						"--parley.identity.single-instance=true")) {
			assertThat(app.getBean(PrincipalCache.class).usable()).isTrue();
			revocationsTakeEffectAtOnce(TestClient.of(app), TestClient.of(app));
		}
	}

	@Test
	void aServerDatabaseWithoutRedisReadsOnEveryRequest() throws Exception {
		try (TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext app = start(database, "shared", null)) {
			assertThat(app.getBean(PrincipalCache.class).enabled()).isFalse();
			revocationsTakeEffectAtOnce(TestClient.of(app), TestClient.of(app));
		}
	}

	@Test
	void aRevocationOnOneInstanceIsRefusedOnTheOtherAtOnceAlsoWithRedisAway() throws Exception {
		TestRedis.require();
		try (TcpProxy redis = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start();
				TestDatabase database = TestDatabase.postgresql();
				ConfigurableApplicationContext first = start(database, "node-a", "redis://127.0.0.1:" + redis.port());
				ConfigurableApplicationContext second = start(database, "node-b",
						"redis://127.0.0.1:" + redis.port())) {
			PrincipalCache secondCache = second.getBean(PrincipalCache.class);
			assertThat(secondCache.usable()).isTrue();
			TestClient a = TestClient.of(first);
			TestClient b = TestClient.of(second);
			revocationsTakeEffectAtOnce(a, b);

			TestAccounts.Session user = TestAccounts.newUser(a);
			String key = createKey(a, user);
			assertThat(me(b, user.bearer())).isEqualTo(200);
			assertThat(me(b, "Bearer " + key)).isEqualTo(200);
			redis.stop();
			Eventually.eventually("the second instance bypasses its cache").until(() -> !secondCache.usable());
			assertThat(a.call(user, "DELETE", "/api/v1/api-keys/" + keyId(a, user), null).status()).isEqualTo(204);
			assertThat(me(b, "Bearer " + key)).isEqualTo(401);
			assertThat(a.send("POST", "/api/v1/auth/logout", user.bearer(), null).status()).isEqualTo(204);
			assertThat(me(b, user.bearer())).isEqualTo(401);

			redis.start();
			Eventually.eventually("the second instance uses its cache again").until(secondCache::usable);
			TestAccounts.Session again = TestAccounts.newUser(a);
			assertThat(me(b, again.bearer())).isEqualTo(200);
			assertThat(a.send("POST", "/api/v1/auth/logout", again.bearer(), null).status()).isEqualTo(204);
			assertThat(me(b, again.bearer())).isEqualTo(401);
		}
	}

	/**
	 * Each credential is used on {@code other} (so it is cached there), revoked through
	 * {@code revoker}, and its very next request on {@code other} is refused.
	 */
	private static void revocationsTakeEffectAtOnce(TestClient revoker, TestClient other) {
		// Logout.
		TestAccounts.Session user = TestAccounts.newUser(revoker);
		assertThat(me(other, user.bearer())).isEqualTo(200);
		assertThat(me(other, user.bearer())).isEqualTo(200);
		assertThat(revoker.send("POST", "/api/v1/auth/logout", user.bearer(), null).status()).isEqualTo(204);
		assertThat(me(other, user.bearer())).isEqualTo(401);

		// Key deletion.
		TestAccounts.Session owner = TestAccounts.newUser(revoker);
		String key = createKey(revoker, owner);
		assertThat(me(other, "Bearer " + key)).isEqualTo(200);
		assertThat(me(other, "Bearer " + key)).isEqualTo(200);
		assertThat(revoker.call(owner, "DELETE", "/api/v1/api-keys/" + keyId(revoker, owner), null).status())
			.isEqualTo(204);
		assertThat(me(other, "Bearer " + key)).isEqualTo(401);

		// Disabling the user: its sessions and keys alike.
		TestAccounts.Session victim = TestAccounts.newUser(revoker);
		String victimKey = createKey(revoker, victim);
		assertThat(me(other, victim.bearer())).isEqualTo(200);
		assertThat(me(other, "Bearer " + victimKey)).isEqualTo(200);
		TestAccounts.Session admin = TestAccounts.admin(revoker);
		assertThat(revoker.call(admin, "PATCH", "/api/v1/admin/users/" + victim.userId(), "{\"status\":\"disabled\"}")
			.status()).isEqualTo(200);
		assertThat(me(other, victim.bearer())).isEqualTo(401);
		assertThat(me(other, "Bearer " + victimKey)).isEqualTo(401);

		// A password change ends the other sessions.
		TestAccounts.Session changer = TestAccounts.newUser(revoker);
		TestAccounts.Session elsewhere = TestAccounts.login(revoker, changer.email(), TestAccounts.PASSWORD);
		assertThat(me(other, elsewhere.bearer())).isEqualTo(200);
		assertThat(
				revoker
					.call(changer, "POST", "/api/v1/users/me/password",
							"{\"current_password\":\"" + TestAccounts.PASSWORD
									+ "\",\"new_password\":\"Other-pass-123\"}")
					.status())
			.isBetween(200, 204);
		assertThat(me(other, elsewhere.bearer())).isEqualTo(401);
	}

	private static String createKey(TestClient client, TestAccounts.Session user) {
		return client.call(user, "POST", "/api/v1/api-keys", "{\"name\":\"cached\"}").text("/key");
	}

	private static String keyId(TestClient client, TestAccounts.Session user) {
		return client.call(user, "GET", "/api/v1/api-keys", null).text("/0/id");
	}

	private static int me(TestClient client, String authorization) {
		return client.request("GET", "/api/v1/users/me").authorization(authorization).accept(null).send().status();
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String instance, String redisUrl,
			String... more) throws Exception {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--parley.data-dir=" + Files.createTempDirectory("parley-" + instance),
						"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
						"--parley.identity.jwt-secret=" + TestApp.JWT_SECRET, "--parley.chat.instance-id=" + instance,
						"--parley.identity.admin-email=" + TestApp.ADMIN_EMAIL,
						"--parley.identity.admin-password=" + TestApp.ADMIN_PASSWORD,
						"--parley.limits.user-requests-per-minute=0", "--parley.limits.anonymous-requests-per-minute=0",
						"--parley.limits.api-key-requests-per-minute=0"));
		if (redisUrl != null) {
			args.add("--parley.redis.url=" + redisUrl);
		}
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
	}

}
