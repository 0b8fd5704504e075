package dev.parley.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream that answers an error with words meant for nobody (an internal address, a
 * password, as a service behind a misconfigured provider might): users get a code and a
 * fixed message everywhere (the chat's {@code error} event and problem+json, the stored
 * reply, the gateway in OpenAI's and Anthropic's shapes), while the log and the
 * administrators' routing view have the upstream's words. Over real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpstreamErrorDetailIT extends WholeAppTestBase {

	private static final String SECRET = "db password hunter2 at 10.9.8.7:5432";

	private static final String LEAKS = "hunter2";

	@Test
	void aChatErrorEventNamesTheFailureButNotWhatTheUpstreamSaid(CapturedOutput output) {
		String missing = failing(404, 1);
		String refused = failing(400, 2);
		String broken = model("sim?tokens=6&fault=error&after=2", 3);

		assertErrorEvent(missing, "upstream_unavailable", "no model provider could answer");
		assertErrorEvent(refused, "upstream_bad_request", "the model provider refused the request (HTTP 400)");
		assertErrorEvent(broken, "upstream_error", "the model provider failed");

		assertThat(output.getAll()).contains(SECRET);
		JsonNode breakers = call(admin(), "GET", "/api/v1/admin/routing/breakers", null).json();
		assertThat(lastFailure(breakers, 1).get("code").asString()).isEqualTo("upstream_not_found");
		assertThat(lastFailure(breakers, 1).get("http_status").asInt()).isEqualTo(404);
		assertThat(lastFailure(breakers, 1).get("detail").asString()).contains("HTTP 404", SECRET);
		assertThat(lastFailure(breakers, 2).get("detail").asString()).contains("HTTP 400", SECRET);
		assertThat(lastFailure(breakers, 3).get("detail").asString()).contains(SECRET);
		Response forUsers = call("GET", "/api/v1/admin/routing/breakers", null);
		assertThat(forUsers.status()).isEqualTo(403);
	}

	@Test
	void aChatCallWithoutStreamingAndTheStoredReplyDoNotQuoteTheUpstream() {
		String conversation = createConversation();
		Response failed = sendMessage(conversation, message("Hello", failing(400, 4)));
		assertThat(failed.status()).as(failed.body()).isEqualTo(502);
		assertThat(failed.body()).contains("upstream-failed").doesNotContain(LEAKS);
		assertThat(messages(conversation).toString()).doesNotContain(LEAKS);
	}

	@Test
	void theGatewayNamesTheFailureButNotWhatTheUpstreamSaidInEitherShape() {
		String key = apiKey(newUser(), "gateway");
		Response refused = openAi(key, failing(400, 5), false);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().at("/error/code").asString()).isEqualTo("upstream_bad_request");
		assertThat(refused.json().at("/error/message").asString())
			.isEqualTo("The model provider refused the request (HTTP 400)");
		Response missing = openAi(key, failing(404, 6), true);
		assertThat(missing.status()).as(missing.body()).isEqualTo(502);
		Response broken = openAi(key, model("sim?tokens=6&fault=error&after=2", 7), true);
		assertThat(broken.status()).isEqualTo(200);
		assertThat(broken.body()).contains("upstream_error");

		Response anthropic = anthropic(key, failing(400, 8), false);
		assertThat(anthropic.status()).as(anthropic.body()).isEqualTo(400);
		assertThat(anthropic.json().at("/error/message").asString())
			.isEqualTo("The model provider refused the request (HTTP 400)");
		Response anthropicStream = anthropic(key, failing(404, 9), true);
		assertThat(anthropicStream.status()).as(anthropicStream.body()).isEqualTo(502);

		for (Response answer : List.of(refused, missing, broken, anthropic, anthropicStream)) {
			assertThat(answer.body()).doesNotContain(LEAKS).doesNotContain("10.9.8.7");
		}
	}

	/** The stream of a message to this model ends with this error, quoting nothing. */
	private void assertErrorEvent(String model, String code, String message) {
		String conversation = createConversation();
		List<SseClient.Frame> frames;
		try (SseClient sse = stream(conversation, message("Hello", model))) {
			assertThat(sse.status()).isEqualTo(200);
			frames = sse.untilTerminal();
		}
		SseClient.Frame error = frames.getLast();
		assertThat(error.type()).isEqualTo("error");
		assertThat(error.text("code")).isEqualTo(code);
		assertThat(error.text("message")).isEqualTo(message);
		assertThat(frames.toString()).doesNotContain(LEAKS).doesNotContain("10.9.8.7");
		assertThat(messages(conversation).toString()).doesNotContain(LEAKS);
	}

	/**
	 * A simulator model answering {@code status} with {@link #SECRET} as its error;
	 * {@code tag} (a first-token delay in ms, which a status fault ignores) makes it a
	 * target of its own.
	 */
	private static String failing(int status, int tag) {
		return model("sim?fault=" + status, tag);
	}

	/**
	 * The model's name carries the secret with every byte percent-encoded, so that the
	 * name (which the reply names, as the user chose it) never spells it.
	 */
	private static String model(String behaviour, int tag) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : SECRET.getBytes(StandardCharsets.UTF_8)) {
			encoded.append('%').append(String.format("%02X", b & 0xff));
		}
		return behaviour + "&ttft=" + tag + "&fault_message=" + encoded;
	}

	private static JsonNode lastFailure(JsonNode breakers, int tag) {
		String part = "&ttft=" + tag + "&";
		for (JsonNode breaker : breakers) {
			if (breaker.get("target").asString().contains(part)) {
				JsonNode failure = breaker.get("last_failure");
				assertThat(failure).as(breaker.toString()).isNotNull();
				return failure;
			}
		}
		throw new AssertionError("no breaker for " + tag + " in " + breakers);
	}

	private Response openAi(String key, String model, boolean stream) {
		ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", stream);
		body.putArray("messages").addObject().put("role", "user").put("content", "Hello");
		return send("POST", "/v1/chat/completions", "Bearer " + key, body.toString());
	}

	private Response anthropic(String key, String model, boolean stream) {
		ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", 10).put("stream", stream);
		body.putArray("messages").addObject().put("role", "user").put("content", "Hello");
		return request("POST", "/v1/messages").header("anthropic-version", "2023-06-01")
			.header("x-api-key", key)
			.json(body.toString())
			.send();
	}

}
