package dev.parley.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation lifecycle as a user sees it over HTTP: the status in the list and on
 * the conversation, an expired conversation's history still readable and its next message
 * answered from a fresh context, and conversations past the retention period gone.
 * Inactivity is made by moving {@code last_active_at} back in the database; the lifecycle
 * job runs every second here.
 */
@TestPropertySource(properties = { "parley.conversation.lifecycle-interval=1s", "parley.conversation.retention=30d" })
class ConversationLifecycleIT extends WholeAppTestBase {

	@Test
	void theStatusFollowsInactivityAndTheJobStoresIt() {
		String id = createConversation();
		assertThat(sendMessage(id, "{\"content\":\"hello\"}").status()).isEqualTo(200);
		JsonNode listed = listed(id);
		assertThat(listed.get("status").asString()).isEqualTo("active");
		Instant lastActive = Instant.parse(listed.get("last_active_at").asString());
		assertThat(lastActive).isAfter(Instant.parse(listed.get("created_at").asString()));

		inactiveFor(id, Duration.ofMinutes(40));
		assertThat(listed(id).get("status").asString()).isEqualTo("idle");
		assertThat(conversation(id).get("status").asString()).isEqualTo("idle");
		Eventually.eventually("the lifecycle job to store the idle status")
			.until(() -> storedStatus(id).equals("idle"));

		Instant expiredAt = inactiveFor(id, Duration.ofHours(25)).plus(Duration.ofHours(24));
		JsonNode expired = conversation(id);
		assertThat(expired.get("status").asString()).isEqualTo("expired");
		assertThat(Instant.parse(expired.get("context_start").asString())).isEqualTo(expiredAt);
		assertThat(messages(id)).hasSize(2);
		Eventually.eventually("the lifecycle job to store the expired status")
			.until(() -> storedStatus(id).equals("expired"));
		assertThat(get("/actuator/prometheus")).contains("parley_conversation_transitions_total{status=\"expired\"}")
			.containsPattern(
					"parley_jobs_runs_seconds_count\\{job=\"conversation-lifecycle\",outcome=\"ran\"\\} [1-9]");
	}

	@Test
	void aMessageInAnExpiredConversationIsAnsweredFromAFreshContext() {
		String id = createConversation("{\"system_prompt\":\"Answer briefly.\"}");
		assertThat(sendMessage(id, "{\"content\":\"the word is apple\"}").status()).isEqualTo(200);
		inactiveFor(id, Duration.ofHours(2));
		assertThat(sendMessage(id, "{\"content\":\"idle-marker\"}").status()).isEqualTo(200);
		assertThat(TestSimulator.received("idle-marker").messages()).as("an idle conversation keeps its history")
			.extracting(RecordedRequest.Message::content)
			.contains("the word is apple");

		inactiveFor(id, Duration.ofHours(30));
		Response reopened = sendMessage(id, "{\"content\":\"what was the word? expired-marker\"}");
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		assertThat(TestSimulator.received("what was the word? expired-marker").messages())
			.extracting(RecordedRequest.Message::role, RecordedRequest.Message::content)
			.containsExactly(Tuple.tuple("system", "Answer briefly."),
					Tuple.tuple("user", "what was the word? expired-marker"));
		JsonNode now = conversation(id);
		assertThat(now.get("status").asString()).isEqualTo("active");
		assertThat(now.get("context_start").asString())
			.isEqualTo(reopened.json().get("user_message").get("created_at").asString());
		assertThat(messages(id)).as("the whole history stays readable").hasSize(6);

		assertThat(sendMessage(id, "{\"content\":\"after-reopening\"}").status()).isEqualTo(200);
		assertThat(TestSimulator.received("after-reopening").messages()).extracting(RecordedRequest.Message::content)
			.contains("what was the word? expired-marker")
			.doesNotContain("the word is apple", "idle-marker");
	}

	@Test
	void conversationsPastTheRetentionPeriodAreDeletedWithTheirMessages() {
		Session owner = user();
		String old = createConversation();
		assertThat(sendMessage(old, "{\"content\":\"long ago\"}").status()).isEqualTo(200);
		String kept = createConversation();
		assertThat(sendMessage(kept, "{\"content\":\"recently\"}").status()).isEqualTo(200);
		Session other = newUser();
		Response othersCreated = call(other, "POST", CONVERSATIONS, "{}");
		String others = othersCreated.text("/id");
		inactiveFor(kept, Duration.ofDays(29));

		inactiveFor(old, Duration.ofDays(31));

		Eventually.eventually("the retention policy to delete the old conversation")
			.until(() -> call(owner, "GET", CONVERSATIONS + "/" + old, null).status() == 404);
		call(owner, "GET", CONVERSATIONS + "/" + old, null).assertProblem(404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", old)).isZero();
		assertThat(call(owner, "GET", CONVERSATIONS + "/" + kept, null).status()).isEqualTo(200);
		assertThat(messages(kept)).hasSize(2);
		assertThat(call(other, "GET", CONVERSATIONS + "/" + others, null).status()).isEqualTo(200);
		assertThat(get("/actuator/prometheus")).containsPattern("parley_conversation_retention_deleted_total [1-9]")
			.containsPattern("parley_conversation_retention_deleted_messages_total [1-9]");
	}

	/**
	 * Moves the conversation's last activity, and its messages, {@code ago} into the
	 * past, as if nothing had happened in it since; returns that instant.
	 */
	private Instant inactiveFor(String id, Duration ago) {
		Instant at = Instant.now().minus(ago).truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("UPDATE conversations SET last_active_at = ? WHERE id = ?").params(Jdbc.param(at), id).update();
		this.jdbc.sql("UPDATE messages SET created_at = ? WHERE conversation_id = ?")
			.params(Jdbc.param(at), id)
			.update();
		return at;
	}

	private JsonNode conversation(String id) {
		Response response = call("GET", CONVERSATIONS + "/" + id, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode listed(String id) {
		for (JsonNode item : call("GET", CONVERSATIONS + "?limit=100", null).json().get("items")) {
			if (item.get("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("conversation " + id + " is not listed");
	}

	private String storedStatus(String id) {
		return this.jdbc.sql("SELECT status FROM conversations WHERE id = ?").param(id).query(String.class).single();
	}

	private String get(String path) {
		return request("GET", path).accept(null).send().body();
	}

}
