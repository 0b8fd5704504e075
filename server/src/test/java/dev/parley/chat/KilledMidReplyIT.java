package dev.parley.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A reply cut off by {@code kill -9} is recovered by the next start on the same data
 * directory, whatever its port: the restarted server has marked it {@code interrupted}
 * before it answers anything, with its text up to about a second before the kill. A
 * second live server on the same data directory claims an instance id of its own, so it
 * leaves the first one's running reply alone.
 */
@Execution(ExecutionMode.CONCURRENT)
class KilledMidReplyIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 20 words a second for 150 s: longer than the tests let it run. */
	private static final String SLOW_MODEL = "sim?tokens=3000&delay=50";

	/**
	 * How long the reply runs before the kill: less than the 5 s after which replies were
	 * first checkpointed before, several checkpoint intervals now.
	 */
	private static final Duration RUN_BEFORE_KILL = Duration.ofMillis(3500);

	/** The checkpoint interval (1 s) and a second of slack for a busy machine. */
	private static final Duration AT_MOST_LOST = Duration.ofSeconds(2);

	@Test
	void aReplyCutOffByKillIsInterruptedAtTheNextStartOnAnotherPort() {
		Path dataDir = TestApp.newDataDir();
		String email;
		String conversation;
		String reply;
		int firstPort;
		List<Received> received = new ArrayList<>();
		long killedAt;
		try (ParleyProcess first = ParleyProcess.on(dataDir).start()) {
			firstPort = first.port();
			Session user = TestAccounts.newUser(first.client());
			email = user.email();
			conversation = first.client().call(user, "POST", "/api/v1/conversations", "{}").text("/id");
			try (SseClient sse = streamSlowReply(first.client(), user, conversation)) {
				reply = sse.next().text("message_id");
				long firstChunkAt = 0;
				while (firstChunkAt == 0 || System.nanoTime() - firstChunkAt < RUN_BEFORE_KILL.toNanos()) {
					SseClient.Frame frame = sse.next();
					assertThat(frame).as("the reply is still streaming").isNotNull();
					assertThat(frame.type()).isEqualTo("chunk");
					received.add(new Received(System.nanoTime(), frame.text("content")));
					firstChunkAt = received.getFirst().atNanos();
				}
				killedAt = System.nanoTime();
				first.kill();
			}
		}
		try (ParleyProcess second = ParleyProcess.on(dataDir).start()) {
			assertThat(second.port()).isNotEqualTo(firstPort);
			Session user = TestAccounts.login(second.client(), email, TestAccounts.PASSWORD);
			JsonNode recovered = message(second.client(), user, conversation, reply);
			assertThat(recovered.get("status").asString()).as("the reply as the restarted server first answers it")
				.isEqualTo("interrupted");
			String stored = recovered.get("content").asString();
			String receivedAtKill = textReceivedBefore(received, killedAt + 1);
			String receivedLongBefore = textReceivedBefore(received, killedAt - AT_MOST_LOST.toNanos());
			assertThat(receivedAtKill.startsWith(stored) || stored.startsWith(receivedAtKill))
				.as("the stored text \"%s\" is the reply the client read, \"%s\"", stored, receivedAtKill)
				.isTrue();
			assertThat(stored.length())
				.as("stored characters; the client had %d %d s before the kill and %d at it",
						receivedLongBefore.length(), AT_MOST_LOST.toSeconds(), receivedAtKill.length())
				.isGreaterThanOrEqualTo(receivedLongBefore.length());
		}
	}

	@Test
	void aSecondLiveServerOnTheSameDataDirectoryLeavesTheFirstOnesReplyAlone() throws Exception {
		Path dataDir = TestApp.newDataDir();
		try (TestDatabase database = TestDatabase.postgresql();
				ParleyProcess first = ParleyProcess.on(dataDir).database(database).start()) {
			TestClient client = first.client();
			Session user = TestAccounts.newUser(client);
			String conversation = client.call(user, "POST", "/api/v1/conversations", "{}").text("/id");
			try (SseClient sse = streamSlowReply(client, user, conversation)) {
				String reply = sse.next().text("message_id");
				assertThat(sse.next().type()).isEqualTo("chunk");
				try (ParleyProcess second = ParleyProcess.on(dataDir).database(database).start()) {
					assertThat(message(second.client(), user, conversation, reply).get("status").asString())
						.as("the first server's reply, once the second one has started")
						.isEqualTo("streaming");
					Response stopped = client.call(user, "POST", "/api/v1/conversations/" + conversation + "/stop",
							null);
					assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
					assertThat(message(second.client(), user, conversation, reply).get("status").asString())
						.isEqualTo("stopped");
					JdbcClient jdbc = JdbcClient.create(database.dataSource());
					assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE status = 'interrupted'")
						.query(Long.class)
						.single()).isZero();
				}
			}
			first.stop();
		}
		assertThat(Files.readString(dataDir.resolve("instances/1")))
			.as("the ids the two servers claimed, instances/1 and instances/2")
			.isNotBlank()
			.isNotEqualTo(Files.readString(dataDir.resolve("instances/2")));
	}

	private static SseClient streamSlowReply(TestClient client, Session user, String conversation) {
		String body = JSON.createObjectNode()
			.put("content", "Tell me a long story")
			.put("model", SLOW_MODEL)
			.toString();
		SseClient sse = client.request("POST", "/api/v1/conversations/" + conversation + "/messages")
			.as(user)
			.json(body)
			.stream();
		assertThat(sse.status()).isEqualTo(200);
		return sse;
	}

	private static JsonNode message(TestClient client, Session user, String conversation, String id) {
		Response page = client.call(user, "GET", "/api/v1/conversations/" + conversation + "/messages?limit=10", null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		for (JsonNode message : page.json().get("items")) {
			if (message.get("id").asString().equals(id)) {
				return message;
			}
		}
		throw new AssertionError("no message " + id + " in " + page.body());
	}

	private static String textReceivedBefore(List<Received> received, long nanos) {
		StringBuilder text = new StringBuilder();
		for (Received chunk : received) {
			if (chunk.atNanos() - nanos < 0) {
				text.append(chunk.text());
			}
		}
		return text.toString();
	}

	private record Received(long atNanos, String text) {

	}

}
