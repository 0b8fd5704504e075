package dev.parley.chat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answered send is on disk: Parley is killed with {@code SIGKILL} right after an
 * acknowledged answer (a 200 for a plain send, the {@code end} event for a streamed one),
 * restarted on the same data directory and database, and every acknowledged user message
 * and reply is there, complete, with the text the client was given. On each database, the
 * embedded H2 one with the settings Parley ships.
 */
@Execution(ExecutionMode.CONCURRENT)
class KillAfterAcknowledgementIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Sends per life of the server: enough that the last ones fall in any write delay.
	 */
	private static final int SENDS = 12;

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of(Named.of("H2 (embedded default)", (Supplier<TestDatabase>) () -> null)),
				Arguments.of(Named.of("PostgreSQL", (Supplier<TestDatabase>) TestDatabase::postgresql)),
				Arguments.of(Named.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariadb)));
	}

	@ParameterizedTest(name = "on {0}")
	@MethodSource("databases")
	void everyAcknowledgedMessageAndReplySurvivesSigkill(Supplier<TestDatabase> server) {
		Path dataDir = TestApp.newDataDir();
		try (TestDatabase database = server.get()) {
			Map<String, String> acknowledged = new HashMap<>();
			String email;
			String conversation;
			try (ParleyProcess first = start(dataDir, database)) {
				Session user = TestAccounts.newUser(first.client());
				email = user.email();
				conversation = first.client().call(user, "POST", "/api/v1/conversations", "{}").text("/id");
				sendAndKill(first, user, conversation, acknowledged, false);
			}
			try (ParleyProcess second = start(dataDir, database)) {
				Session user = TestAccounts.login(second.client(), email, TestAccounts.PASSWORD);
				assertStored(second.client(), user, conversation, acknowledged);
				sendAndKill(second, user, conversation, acknowledged, true);
			}
			try (ParleyProcess third = start(dataDir, database)) {
				Session user = TestAccounts.login(third.client(), email, TestAccounts.PASSWORD);
				assertStored(third.client(), user, conversation, acknowledged);
			}
		}
	}

	private static ParleyProcess start(Path dataDir, TestDatabase database) {
		ParleyProcess.Builder builder = ParleyProcess.on(dataDir);
		return ((database != null) ? builder.database(database) : builder).start();
	}

	/**
	 * Sends alternately plain and streamed, the last one {@code streamedLast}, and kills
	 * the server the moment the last answer is in.
	 */
	private static void sendAndKill(ParleyProcess parley, Session user, String conversation,
			Map<String, String> acknowledged, boolean streamedLast) {
		TestClient client = parley.client();
		String path = "/api/v1/conversations/" + conversation + "/messages";
		for (int i = 0; i < SENDS; i++) {
			boolean streamed = ((SENDS - 1 - i) % 2 == 0) == streamedLast;
			String content = "message " + acknowledged.size() / 2 + " of " + parley.pid();
			String body = JSON.createObjectNode().put("content", content).toString();
			if (streamed) {
				try (SseClient sse = client.request("POST", path).as(user).json(body).stream()) {
					List<SseClient.Frame> frames = sse.untilTerminal();
					SseClient.Frame start = frames.getFirst();
					SseClient.Frame end = frames.getLast();
					assertThat(end.type()).as(frames.toString()).isEqualTo("end");
					assertThat(end.text("status")).isEqualTo("complete");
					acknowledged.put(start.text("user_message_id"), content);
					acknowledged.put(end.text("message_id"), end.text("full_text"));
					if (i == SENDS - 1) {
						parley.kill();
					}
				}
			}
			else {
				Response answer = client.call(user, "POST", path, body);
				if (i == SENDS - 1) {
					parley.kill();
				}
				assertThat(answer.status()).as(answer.body()).isEqualTo(200);
				acknowledged.put(answer.text("/user_message/id"), content);
				acknowledged.put(answer.text("/assistant_message/id"), answer.text("/assistant_message/content"));
			}
		}
		assertThat(parley.isAlive()).isFalse();
	}

	private static void assertStored(TestClient client, Session user, String conversation,
			Map<String, String> acknowledged) {
		Response page = client.call(user, "GET", "/api/v1/conversations/" + conversation + "/messages?limit=100", null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		Map<String, String> stored = new HashMap<>();
		List<String> notComplete = new ArrayList<>();
		for (JsonNode message : page.json().get("items")) {
			stored.put(message.get("id").asString(), message.get("content").asString());
			if (!message.get("status").asString().equals("complete")) {
				notComplete.add(message.toString());
			}
		}
		assertThat(stored).as("every acknowledged message and reply, with the text the client was given")
			.containsAllEntriesOf(acknowledged);
		assertThat(notComplete).as("messages not complete").isEmpty();
	}

}
