package dev.parley.support.report;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.parley.support.SupportEvent;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Support reports over real HTTP (the figures themselves are checked on every database by
 * {@link SupportReportsContractTests}): the answer's shape, every bad parameter a
 * problem, administrators only; and the Prometheus series counted from committed support
 * events, tagged by inbox.
 */
class SupportReportsIT extends WholeAppTestBase {

	static final String PATH = "/api/v1/admin/support/reports";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aReportOfAPeriodGroupedByInbox() {
		SupportRows rows = new SupportRows(this.jdbc);
		UUID inbox = rows.inbox("Report inbox " + UUID.randomUUID());
		Instant start = Instant.parse("2031-05-01T10:00:00Z");
		rows.conversation(inbox, null, true, start, start.plusSeconds(60), start.plusSeconds(90),
				start.plusSeconds(600));
		rows.conversation(inbox, null, true, start.plusSeconds(5), null, null, start.plusSeconds(65));
		Response report = call(newAdmin(), "GET",
				PATH + "?from=2031-05-01&to=2031-05-01T10:00:05.000001Z&group_by=inbox", null);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode item = report.json().at("/items/0");
		assertThat(report.json().get("items")).hasSize(1);
		assertThat(item.get("key").asString()).isEqualTo(inbox.toString());
		assertThat(item.get("label").asString()).startsWith("Report inbox");
		assertThat(item.get("conversations").asLong()).isEqualTo(2);
		assertThat(item.get("handed_off").asLong()).isEqualTo(1);
		assertThat(item.get("bot_resolved").asLong()).isEqualTo(1);
		assertThat(item.get("resolved").asLong()).isEqualTo(2);
		assertThat(item.get("handoff_rate").asDouble()).isEqualTo(0.5);
		assertThat(item.get("bot_resolved_rate").asDouble()).isEqualTo(0.5);
		assertThat(item.get("first_response_seconds_avg").asDouble()).isEqualTo(30.0);
		assertThat(item.get("first_response_seconds_p50").asDouble()).isEqualTo(30.0);
		assertThat(item.get("resolution_seconds_avg").asDouble()).isEqualTo(330.0);
		JsonNode totals = report.json().get("totals");
		assertThat(totals.get("conversations").asLong()).isEqualTo(2);
		assertThat(totals.get("key").isNull()).isTrue();

		JsonNode days = call(newAdmin(), "GET", PATH + "?from=2031-05-01&to=2031-05-03&group_by=day", null).json();
		assertThat(days.get("items")).hasSize(2);
		assertThat(days.at("/items/0/key").asString()).isEqualTo("2031-05-01");
		assertThat(days.at("/items/1/conversations").asLong()).isZero();
		assertThat(days.at("/items/1/handoff_rate").isNull()).isTrue();
	}

	@Test
	void everyBadParameterIsAProblem() {
		Session admin = newAdmin();
		call(admin, "GET", PATH + "?from=yesterday", null).assertField("invalid-request", "from");
		call(admin, "GET", PATH + "?from=2026-03-14T10:00:00", null).assertField("invalid-request", "from");
		call(admin, "GET", PATH + "?to=2026-13-01", null).assertField("invalid-request", "to");
		call(admin, "GET", PATH + "?from=2026-03-14&to=2026-03-14", null).assertField("invalid-request", "to");
		call(admin, "GET", PATH + "?from=2026-03-15&to=2026-03-14T23:00:00Z", null).assertField("invalid-request",
				"to");
		call(admin, "GET", PATH + "?from=2025-01-01&to=2026-01-03", null).assertField("invalid-request", "from");
		assertThat(call(admin, "GET", PATH + "?from=2025-01-01&to=2026-01-02", null).status())
			.as("366 days are allowed")
			.isEqualTo(200);
		call(admin, "GET", PATH + "?group_by=week", null).assertField("invalid-request", "group_by");
		assertThat(call(admin, "GET", PATH, null).status()).as("the last 30 days by inbox").isEqualTo(200);
		call(newStaff(), "GET", PATH, null).assertProblem(403, "forbidden");
		call(null, "GET", PATH, null).assertProblem(401, "unauthorized");
	}

	@Test
	void committedSupportEventsAreCountedPerInbox() {
		UUID inbox = UUID.randomUUID();
		publish(inbox, SupportEvent.CONVERSATION_CREATED, Map.of("id", UUID.randomUUID()));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> transaction.executeWithoutResult((status) -> {
				this.events.publishEvent(event(inbox, SupportEvent.CONVERSATION_CREATED, Map.of()));
				throw new IllegalStateException("rolled back");
			}));
		publish(inbox, SupportEvent.BOT_HANDOFF, Map.of("trigger", "keyword"));
		publish(inbox, SupportEvent.BOT_HANDOFF, Map.of("trigger", "KEYWORD"));
		publish(inbox, SupportEvent.BOT_HANDOFF, Map.of("trigger", "a-new-trigger"));
		publish(inbox, SupportEvent.BOT_HANDOFF, Map.of());
		publish(inbox, SupportEvent.CONVERSATION_STATUS_CHANGED,
				Map.of("status", "resolved", "handler", "bot", "resolution_seconds", 90));
		publish(inbox, SupportEvent.CONVERSATION_STATUS_CHANGED,
				Map.of("conversation", Map.of("status", "resolved", "handler", "human")));
		publish(inbox, SupportEvent.CONVERSATION_STATUS_CHANGED,
				Map.of("status", "resolved", "resolved_by", "human", "conversation", Map.of("handler", "bot")));
		publish(inbox, SupportEvent.CONVERSATION_STATUS_CHANGED, Map.of("status", "pending", "handler", "human"));
		publish(inbox, SupportEvent.MESSAGE_CREATED, Map.of("first_response_seconds", 42.5));
		publish(inbox, SupportEvent.MESSAGE_CREATED, Map.of("entry", Map.of("content", "no time here")));

		String tag = "inbox=\"" + inbox + "\"";
		assertThat(request("GET", "/actuator/prometheus").accept(null).send().body())
			.contains("parley_support_conversations_total{" + tag + "} 1.0")
			.contains("parley_support_handoffs_total{" + tag + ",trigger=\"keyword\"} 2.0")
			.contains("parley_support_handoffs_total{" + tag + ",trigger=\"other\"} 1.0")
			.contains("parley_support_handoffs_total{" + tag + ",trigger=\"unknown\"} 1.0")
			.contains("parley_support_resolved_total{by=\"bot\"," + tag + "} 1.0")
			.contains("parley_support_resolved_total{by=\"human\"," + tag + "} 2.0")
			.contains("parley_support_first_response_seconds_count{" + tag + "} 1")
			.contains("parley_support_first_response_seconds_sum{" + tag + "} 42.5")
			.contains("parley_support_resolution_seconds_count{" + tag + "} 1")
			.contains("parley_support_resolution_seconds_sum{" + tag + "} 90.0")
			.doesNotContain("conversation_id");
	}

	private void publish(UUID inbox, String type, Object data) {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.events.publishEvent(event(inbox, type, data)));
	}

	private static SupportEvent event(UUID inbox, String type, Object data) {
		return new SupportEvent(type, UUID.randomUUID(), inbox, data, Instant.now());
	}

}
