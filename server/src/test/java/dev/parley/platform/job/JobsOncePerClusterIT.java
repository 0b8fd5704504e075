package dev.parley.platform.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Parley instances on one PostgreSQL database run the conversation lifecycle job
 * once per slot between them: every slot that all three were due for ran on exactly one
 * of them and was skipped by the other two (their JSON log lines say which), no slot ran
 * twice, and a conversation that had to expire was counted once across the cluster.
 */
class JobsOncePerClusterIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String JOB = "conversation-lifecycle";

	private static final int INSTANCES = 3;

	/** Slots seen by every instance before the test judges. */
	private static final int SLOTS = 4;

	private static final Pattern EXPIRED = Pattern
		.compile("^parley_conversation_transitions_total\\{status=\"expired\"} (\\S+)$", Pattern.MULTILINE);

	@Test
	void everySlotRunsOnExactlyOneInstance() {
		try (TestDatabase database = TestDatabase.postgresql()) {
			String stale = staleConversation(database);
			List<ParleyProcess> instances = new ArrayList<>();
			try {
				List<ParleyProcess.Builder> servers = new ArrayList<>();
				for (int i = 0; i < INSTANCES; i++) {
					servers.add(ParleyProcess.on(TestApp.newDataDir())
						.database(database)
						.environment("PARLEY_LOG_FORMAT", "json")
						.property("parley.conversation.lifecycle-interval", "3s")
						.property("logging.level.dev.parley.platform.job", "DEBUG"));
				}
				instances.addAll(ParleyProcess.startAll(servers));

				Map<String, List<String>> bySlot = Eventually.eventually(SLOTS + " slots seen by every instance")
					.atMost(Duration.ofSeconds(60))
					.until(() -> outcomesBySlot(instances), (slots) -> seenByAll(slots).size() >= SLOTS);

				assertThat(seenByAll(bySlot)).allSatisfy((slot, outcomes) -> assertThat(outcomes).as("slot %s", slot)
					.containsExactlyInAnyOrder("ran", "skipped", "skipped"));
				assertThat(bySlot)
					.allSatisfy((slot, outcomes) -> assertThat(outcomes).as("slot %s", slot).containsOnlyOnce("ran"));
				assertThat(JdbcClient.create(database.dataSource())
					.sql("SELECT status FROM conversations WHERE id = ?")
					.param(stale)
					.query(String.class)
					.single()).isEqualTo("expired");
				assertThat(instances.stream().mapToDouble(JobsOncePerClusterIT::expiredTransitions).sum())
					.isEqualTo(1.0);
			}
			finally {
				instances.forEach(ParleyProcess::close);
			}
		}
	}

	/** A conversation whose last message was two days ago, still stored as active. */
	private static String staleConversation(TestDatabase database) {
		String id = UUID.randomUUID().toString();
		Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
		JdbcClient.create(database.dataSource())
			.sql("INSERT INTO conversations (id, owner_id, status, created_at, updated_at, last_active_at)"
					+ " VALUES (?, 'someone', 'active', ?, ?, ?)")
			.params(id, Jdbc.param(twoDaysAgo), Jdbc.param(twoDaysAgo), Jdbc.param(twoDaysAgo))
			.update();
		return id;
	}

	/** Each slot of the job in the instances' logs, with what each instance did in it. */
	private static Map<String, List<String>> outcomesBySlot(List<ParleyProcess> instances) {
		Map<String, List<String>> bySlot = new TreeMap<>();
		for (ParleyProcess instance : instances) {
			for (JsonNode line : jobLines(instance)) {
				bySlot.computeIfAbsent(line.get("slot").asString(), (slot) -> new ArrayList<>())
					.add(line.get("outcome").asString());
			}
		}
		return bySlot;
	}

	private static Map<String, List<String>> seenByAll(Map<String, List<String>> bySlot) {
		Map<String, List<String>> all = new TreeMap<>(bySlot);
		all.values().removeIf((outcomes) -> outcomes.size() < INSTANCES);
		return all;
	}

	/** The complete JSON lines of the instance's log about the job's slots. */
	private static List<JsonNode> jobLines(ParleyProcess instance) {
		try {
			String output = Files.readString(instance.log(), StandardCharsets.UTF_8);
			List<String> lines = new ArrayList<>(List.of(output.split("\\n", -1)));
			lines.removeLast();
			List<JsonNode> about = new ArrayList<>();
			for (String line : lines) {
				JsonNode node = JSON.readTree(line);
				if (JOB.equals(node.path("job").asString(null)) && node.has("slot")) {
					about.add(node);
				}
			}
			return about;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double expiredTransitions(ParleyProcess instance) {
		String metrics = instance.client().request("GET", "/actuator/prometheus").accept(null).send().body();
		Matcher matcher = EXPIRED.matcher(metrics);
		assertThat(matcher.find()).as("the transitions counter of port %d", instance.port()).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
