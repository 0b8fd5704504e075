package dev.parley.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/models/{id}} in the common setup, where completions accept any model
 * name of the environment's provider: only what {@code GET /v1/models} lists is
 * retrieved, ids with a slash may be sent encoded, and an encoded slash is refused on
 * every other route.
 */
class ModelsIT extends WholeAppTestBase {

	@Test
	void retrievesWhatTheListHoldsAndNothingElse() {
		TestAccounts.Session user = newUser();
		String key = "Bearer " + apiKey(user, "gateway");
		String agent = "team/helper-" + UUID.randomUUID().toString().substring(0, 8);
		createAgent(user, json("name", agent));
		assertThat(send("GET", "/v1/models", key, null).json().findValuesAsString("id")).contains(agent,
				TestApp.DEFAULT_MODEL);

		Response unlisted = send("GET", "/v1/models/nope", key, null).assertProblem(404, "model-not-found");
		assertThat(unlisted.text("/error/code")).isEqualTo("model_not_found");
		assertThat(unlisted.text("/error/type")).isEqualTo("not_found_error");

		Response encoded = send("GET", "/v1/models/" + agent.replace("/", "%2F"), key, null);
		assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);
		assertThat(encoded.text("/id")).isEqualTo(agent);
		assertThat(send("GET", "/v1/models/" + agent.replace("/", "%2f"), key, null).text("/id")).isEqualTo(agent);
		assertThat(send("GET", "/v1/models/" + agent, key, null).text("/id")).isEqualTo(agent);

		assertThat(send("GET", "/v1/models/" + agent.toUpperCase(), key, null).status())
			.as("ids are retrieved as listed")
			.isEqualTo(404);
	}

	@Test
	void anEncodedSlashIsRefusedOutsideModelIds() {
		TestAccounts.Session user = newUser();
		String key = "Bearer " + apiKey(user, "gateway");
		send("GET", "/api/v1/users%2Fme", "Bearer " + user.accessToken(), null).assertProblem(400, "invalid-request");
		send("GET", "/v1/chat%2Fcompletions", key, null).assertProblem(400, "invalid-request");
		send("GET", "/v1/models%2Fnope", key, null).assertProblem(400, "invalid-request");
		send("GET", "/v1/models/..%2F..%2Fapi%2Fv1%2Fusers%2Fme", key, null).assertProblem(400, "invalid-request");
		send("GET", "/v1/models/a%2F..%2Fb", key, null).assertProblem(400, "invalid-request");
	}

}
