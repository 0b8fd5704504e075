package dev.parley.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tabs refreshing one refresh token at once (real threads released together, over real
 * HTTP): every one gets the same new pair and the session lives on, while a refresh with
 * the replaced token after the reuse grace (2 s in the tests' settings) still ends the
 * session. On H2 here; subclasses run it on PostgreSQL and MariaDB.
 */
class ConcurrentRefreshIT extends WholeAppTestBase {

	private static final int TABS = 12;

	@Test
	void tabsRefreshingOneTokenAtOnceAllGetTheSamePairAndLaterReuseStillEndsTheSession() throws Exception {
		TestAccounts.Session user = newUser();
		String replaced = user.refreshToken();

		List<Response> answers = refreshAtOnce(replaced, TABS);
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		}
		assertThat(answers.stream().map((answer) -> answer.text("/refresh_token")).distinct()).hasSize(1);
		assertThat(answers.stream().map((answer) -> answer.text("/access_token")).distinct()).hasSize(1);
		Response pair = answers.get(0);
		assertThat(pair.text("/refresh_token")).isNotEqualTo(replaced);
		assertThat(send("GET", "/api/v1/users/me", "Bearer " + pair.text("/access_token"), null).status())
			.isEqualTo(200);

		Response next = refresh(pair.text("/refresh_token"));
		assertThat(next.status()).as(next.body()).isEqualTo(200);
		String access = "Bearer " + next.text("/access_token");
		assertThat(send("GET", "/api/v1/users/me", access, null).status()).isEqualTo(200);

		Response reused = Eventually.eventually("the replaced token to count as reuse once the grace is over")
			.until(() -> refresh(replaced), (answer) -> answer.status() != 200);
		reused.assertProblem(401, "refresh-token-reused");
		send("GET", "/api/v1/users/me", access, null).assertProblem(401, "unauthorized");
		refresh(next.text("/refresh_token")).assertProblem(401, "invalid-refresh-token");
	}

	/**
	 * {@code count} refreshes of {@code token}, each on its own thread, started together.
	 */
	private List<Response> refreshAtOnce(String token, int count) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> refreshes = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				refreshes.add(threads.submit(() -> {
					ready.countDown();
					start.await();
					return refresh(token);
				}));
			}
			ready.await();
			start.countDown();
			List<Response> answers = new ArrayList<>();
			for (Future<Response> refresh : refreshes) {
				answers.add(refresh.get());
			}
			return answers;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Response refresh(String token) {
		return send("POST", "/api/v1/auth/refresh", null, json("refresh_token", token));
	}

}
