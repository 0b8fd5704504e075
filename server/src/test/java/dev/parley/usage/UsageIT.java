package dev.parley.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage as a user and an administrator see it: two chat replies (one served after its
 * first target failed) and one streamed gateway call show up in both reports with exactly
 * the tokens the messages hold and the quota counted, with their times to first token and
 * the failover; the records outlive the conversation, and the retention job deletes only
 * old ones.
 */
class UsageIT extends WholeAppTestBase {

	@Autowired
	UsageRetentionJob retention;

	@Test
	void chatRepliesAndAGatewayCallShowUpExactlyInBothReports() {
		TestAccounts.Session admin = newAdmin();
		String agentName = "usage-" + UUID.randomUUID().toString().substring(0, 8);
		String agent = agent(admin, agentName, provider(admin), "sim?fault=500", provider(admin), "sim?tokens=40");
		JsonNode before = adminUsage(admin);
		TestAccounts.Session user = user();

		String withAgent = createConversation(JSON.createObjectNode().put("agent_id", agent).toString());
		Response first = sendMessage(withAgent, JSON.createObjectNode().put("content", "Hello").toString());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String plain = createConversation();
		Response second = sendMessage(plain, message("Hello again", "sim?tokens=30"));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		long chatTokens = replyTokens(withAgent) + replyTokens(plain);
		long gatewayTokens = streamedGatewayCall(apiKey(user, "gateway"));
		long quota = count("SELECT COALESCE(SUM(tokens), 0) FROM token_usage WHERE user_id = ?", user.userId());
		assertThat(chatTokens + gatewayTokens).isEqualTo(quota);

		JsonNode own = call(user, "GET", "/api/v1/users/me/usage", null).json();
		assertThat(own.at("/total/requests").asLong()).isEqualTo(3);
		assertThat(own.at("/total/total_tokens").asLong()).isEqualTo(quota);
		assertThat(own.at("/total/prompt_tokens").asLong() + own.at("/total/completion_tokens").asLong())
			.isEqualTo(quota);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(own.get("from").asString()).isEqualTo(today.minusDays(29).toString());
		assertThat(own.get("by_day")).hasSize(30);
		assertThat(own.get("by_day").get(0).get("total_tokens").asLong()).isZero();
		assertThat(own.get("by_day").get(29).get("day").asString()).isEqualTo(today.toString());
		assertThat(own.get("by_day").get(29).get("total_tokens").asLong()).isEqualTo(quota);
		assertThat(group(own.get("by_source"), "source", "chat").get("total_tokens").asLong()).isEqualTo(chatTokens);
		assertThat(group(own.get("by_source"), "source", "gateway").get("total_tokens").asLong())
			.isEqualTo(gatewayTokens);
		assertThat(group(own.get("by_agent"), "agent_id", agent).get("agent_name").asString()).isEqualTo(agentName);
		assertThat(group(own.get("by_model"), "model", "sim?tokens=40").get("requests").asLong()).isEqualTo(1);
		JsonNode withKey = send("GET", "/api/v1/users/me/usage", "Bearer " + apiKey(user, "conversations:read"), null)
			.json();
		assertThat(withKey.get("total")).isEqualTo(own.get("total"));

		assertThat(count("SELECT COUNT(*) FROM usage_records WHERE user_id = ? AND ttft_ms IS NOT NULL", user.userId()))
			.isEqualTo(3);
		JsonNode after = adminUsage(admin);
		assertThat(delta(before, after, "/total/requests")).isEqualTo(3);
		assertThat(delta(before, after, "/total/total_tokens")).isEqualTo(quota);
		assertThat(delta(before, after, "/total/failovers")).isEqualTo(1);
		assertThat(delta(before, after, "/total/errors")).isZero();
		assertThat(delta(before, after, "/ttft_ms/count")).isEqualTo(3);
		assertThat(after.at("/ttft_ms/p50").isNumber()).isTrue();
		assertThat(after.get("by_day").get(29).at("/ttft_ms/p99").isNumber()).isTrue();
		JsonNode mine = group(after.get("by_user"), "user_id", user.userId());
		assertThat(mine.get("email").asString()).isEqualTo(user.email());
		assertThat(mine.get("total_tokens").asLong()).isEqualTo(quota);
		assertThat(mine.get("failovers").asLong()).isEqualTo(1);
		JsonNode viaAgent = group(after.get("by_agent"), "agent_id", agent);
		assertThat(viaAgent.get("agent_name").asString()).isEqualTo(agentName);
		assertThat(viaAgent.get("failovers").asLong()).isEqualTo(1);

		Response deleted = call(user, "DELETE", CONVERSATIONS + "/" + withAgent, null);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(count("SELECT COUNT(*) FROM usage_records WHERE conversation_id = ?", withAgent)).isEqualTo(1);
		assertThat(call(user, "GET", "/api/v1/users/me/usage", null).json().at("/total/total_tokens").asLong())
			.isEqualTo(quota);
	}

	@Test
	void onlyAnAdministratorSeesEveryonesUsage() {
		call(user(), "GET", "/api/v1/admin/usage", null).assertProblem(403, "forbidden");
		assertThat(call(newAdmin(), "GET", "/api/v1/admin/usage", null).status()).isEqualTo(200);
	}

	@Test
	void badPeriodsAndLimitsAreRefused() {
		TestAccounts.Session admin = newAdmin();
		call(user(), "GET", "/api/v1/users/me/usage?from=2026-03-02&to=2026-03-01", null).assertProblem(400,
				"invalid-request");
		call(user(), "GET", "/api/v1/users/me/usage?from=2025-01-01&to=2026-01-03", null).assertProblem(400,
				"invalid-request");
		call(user(), "GET", "/api/v1/users/me/usage?from=yesterday", null).assertProblem(400, "invalid-request");
		assertThat(
				call(user(), "GET", "/api/v1/users/me/usage?from=2025-01-01&to=2026-01-02", null).json().get("by_day"))
			.hasSize(367);
		call(admin, "GET", "/api/v1/admin/usage?limit=0", null).assertProblem(400, "invalid-request");
		call(admin, "GET", "/api/v1/admin/usage?limit=101", null).assertProblem(400, "invalid-request");
	}

	@Test
	void theRetentionJobDeletesOnlyRecordsOlderThanTheRetention() {
		String user = "retention-" + UUID.randomUUID();
		String old = insert(user, Instant.now().minus(Duration.ofDays(401)));
		String young = insert(user, Instant.now().minus(Duration.ofDays(399)));
		this.retention.run(JobRun.within(Duration.ofMinutes(1), () -> false));
		assertThat(
				this.jdbc.sql("SELECT id FROM usage_records WHERE user_id = ?").param(user).query(String.class).list())
			.containsExactly(young)
			.doesNotContain(old);
	}

	private String insert(String user, Instant at) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO usage_records (id, created_at, user_id, source, model, provider, prompt_tokens,"
					+ " completion_tokens, status, cached, failovers, duration_ms)"
					+ " VALUES (?, ?, ?, 'chat', 'm', 'p', 1, 1, 'complete', FALSE, 0, 1)")
			.params(id, Jdbc.param(at), user)
			.update();
		return id;
	}

	private String provider(TestAccounts.Session admin) {
		ObjectNode body = JSON.createObjectNode()
			.put("name", "p-" + UUID.randomUUID().toString().substring(0, 8))
			.put("protocol", "openai")
			.put("base_url", TestSimulator.get().baseUrl())
			.put("first_token_timeout_ms", 1000);
		body.putArray("models").add("sim");
		Response created = call(admin, "POST", "/api/v1/admin/providers", body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String agent(TestAccounts.Session admin, String name, String... targets) {
		ObjectNode body = JSON.createObjectNode().put("name", name).put("visibility", "public");
		ArrayNode route = body.putArray("route");
		for (int i = 0; i < targets.length; i += 2) {
			route.addObject().put("provider_id", targets[i]).put("model", targets[i + 1]);
		}
		return createAgent(admin, body.toString());
	}

	/** The tokens of the conversation's replies as their messages hold them. */
	private long replyTokens(String conversation) {
		return StreamSupport.stream(messages(conversation).spliterator(), false)
			.filter((m) -> m.get("role").asString().equals("assistant"))
			.mapToLong((m) -> m.get("prompt_tokens").asLong() + m.get("completion_tokens").asLong())
			.sum();
	}

	/** A streamed gateway call; answers the tokens its usage chunk reports. */
	private long streamedGatewayCall(String key) {
		ObjectNode request = JSON.createObjectNode().put("model", "sim?tokens=20").put("stream", true);
		request.putArray("messages").addObject().put("role", "user").put("content", "stream please");
		request.putObject("stream_options").put("include_usage", true);
		Response response = send("POST", "/v1/chat/completions", "Bearer " + key, request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> frames = SseClient.dataFrames(response.body());
		JsonNode usage = JSON.readTree(frames.get(frames.size() - 2)).get("usage");
		return usage.get("total_tokens").asLong();
	}

	private JsonNode adminUsage(TestAccounts.Session admin) {
		Response response = call(admin, "GET", "/api/v1/admin/usage?limit=100", null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static long delta(JsonNode before, JsonNode after, String pointer) {
		return after.at(pointer).asLong() - before.at(pointer).asLong();
	}

	private static JsonNode group(JsonNode groups, String field, String value) {
		for (JsonNode group : groups) {
			if (value.equals(group.get(field).asString())) {
				return group;
			}
		}
		throw new AssertionError("No group with " + field + " " + value + " in " + groups);
	}

}
