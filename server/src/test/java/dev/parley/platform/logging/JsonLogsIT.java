package dev.parley.platform.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PARLEY_LOG_FORMAT=json}: every line Parley writes to its console is one JSON
 * object, and the lines written about a chat request, on the request's thread and on the
 * generation's own, carry the request id, the user id, the conversation id and the
 * generation id.
 */
@Execution(ExecutionMode.CONCURRENT)
class JsonLogsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A provider that refuses the call: its failure is logged on the generation's thread.
	 */
	private static final String REFUSING_MODEL = "sim?fault=400";

	@Test
	void everyLineIsJsonAndTheLinesOfAChatRequestCarryItsIds() {
		try (ParleyProcess parley = ParleyProcess.on(TestApp.newDataDir())
			.environment("PARLEY_LOG_FORMAT", "json")
			.start()) {
			TestClient client = parley.client();
			Session user = TestAccounts.newUser(client);
			String conversation = client.call(user, "POST", "/api/v1/conversations", "{}").text("/id");
			String requestId = "json-logs-it-" + System.nanoTime();
			Response sent = client.request("POST", "/api/v1/conversations/" + conversation + "/messages")
				.as(user)
				.header("x-request-id", requestId)
				.json("{\"content\":\"hello\",\"model\":\"" + REFUSING_MODEL + "\"}")
				.send();
			String generation = sent.json().get("assistant_message").get("id").asString();

			JsonNode line = Eventually.eventually("a log line with the generation's id")
				.until(() -> lines(parley).stream()
					.filter((candidate) -> generation.equals(candidate.path("generation_id").asString(null)))
					.findFirst()
					.orElse(null), (found) -> found != null);
			assertThat(line.get("request_id").asString()).isEqualTo(requestId);
			assertThat(line.get("user_id").asString()).isEqualTo(user.userId());
			assertThat(line.get("conversation_id").asString()).isEqualTo(conversation);
			assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
			assertThat(line.get("message").asString()).contains("failed");
			assertThat(line.get("@timestamp").asString()).endsWith("Z");
			assertThat(lines(parley)).as("lines from the start on, Spring's banner-free start-up included")
				.anySatisfy((any) -> assertThat(any.get("message").asString()).startsWith("Started ParleyApplication"));
		}
	}

	/**
	 * Every complete line of the server's output so far, each parsed as JSON (a line that
	 * is not fails the test).
	 */
	private static List<JsonNode> lines(ParleyProcess parley) {
		try {
			String output = Files.readString(parley.log(), StandardCharsets.UTF_8);
			List<String> complete = new ArrayList<>(List.of(output.split("\n", -1)));
			complete.removeLast();
			List<JsonNode> parsed = new ArrayList<>();
			for (String line : complete) {
				JsonNode node = JSON.readTree(line);
				assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
				parsed.add(node);
			}
			return parsed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
