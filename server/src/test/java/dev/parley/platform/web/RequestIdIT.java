package dev.parley.platform.web;

import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries {@code x-request-id}, on every kind of route and refusal: the
 * client's own when it is sane, a fresh {@code req_} id otherwise. Problems repeat it as
 * {@code request_id}, and the log lines written while a request is handled carry it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends WholeAppTestBase {

	private static final String GENERATED = "req_[0-9a-f]{32}";

	@Test
	void everyAnswerCarriesAFreshIdWhenTheClientSentNone() throws Exception {
		List<Response> answers = List.of(get("/health", null), get("/v3/api-docs", null), get("/api/v1/users/me", null),
				get("/api/v1/no-such-route", user().bearer()), get("/v1/models", null),
				get("/api/v1/conversations;x=1", user().bearer()), this.http.send(
						HttpRequest.newBuilder(this.http.uri("/health")).header("X-Big", "a".repeat(20_000)).build()));
		assertThat(answers).extracting(Response::status).containsExactly(200, 200, 401, 404, 401, 400, 431);
		Set<String> ids = new HashSet<>();
		for (Response answer : answers) {
			String id = answer.header("x-request-id");
			assertThat(id).as("x-request-id of a %d", answer.status()).matches(GENERATED);
			ids.add(id);
			if (answer.status() >= 400) {
				assertThat(answer.text("/request_id")).as("the problem's request_id").isEqualTo(id);
			}
		}
		assertThat(ids).as("one id per request").hasSize(answers.size());
	}

	@Test
	void aSaneIdFromTheClientIsKeptAndAnyOtherReplaced() {
		String sane = "trace-" + UUID.randomUUID() + ":1.2/3+4=5_6";
		Response kept = this.http.request("GET", "/v1/models").header("x-request-id", sane).send();
		assertThat(kept.status()).isEqualTo(401);
		assertThat(kept.header("x-request-id")).isEqualTo(sane);
		assertThat(kept.text("/request_id")).isEqualTo(sane);

		for (String insane : List.of("two words", "a".repeat(129), "semi;colon", "quote\"d", "\u00e9t\u00e9")) {
			Response replaced = this.http.request("GET", "/health").header("x-request-id", insane).send();
			assertThat(replaced.header("x-request-id")).as("for %s", insane).matches(GENERATED);
		}
		Response longest = this.http.request("GET", "/health").header("x-request-id", "a".repeat(128)).send();
		assertThat(longest.header("x-request-id")).isEqualTo("a".repeat(128));
	}

	@Test
	void theLogLinesOfARequestCarryItsId(CapturedOutput output) {
		String id = "it-provider-" + UUID.randomUUID();
		String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
		String body = JSON.createObjectNode()
			.put("name", name)
			.put("protocol", "openai")
			.put("base_url", TestSimulator.get().baseUrl())
			.set("models", JSON.createArrayNode().add("sim"))
			.toString();
		Response created = this.http.request("POST", "/api/v1/admin/providers")
			.as(admin())
			.header("x-request-id", id)
			.json(body)
			.send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("x-request-id")).isEqualTo(id);
		call(admin(), "DELETE", "/api/v1/admin/providers/" + created.text("/id"), null);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Provider '" + name + "'")))
			.as("the line that logs the creation")
			.anySatisfy((line) -> assertThat(line).contains("[" + id + "]").contains("created"));
	}

	private Response get(String path, String authorization) {
		return send("GET", path, authorization, null);
	}

}
