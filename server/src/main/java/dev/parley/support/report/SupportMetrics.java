package dev.parley.support.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import dev.parley.support.SupportEvent;

/**
 * Customer service's Prometheus series, counted from the support events once their change
 * is committed, each tagged by inbox id (a handful per installation), never by
 * conversation or agent: {@code parley_support_conversations_total{inbox}} (those
 * created; Prometheus reserves the suffix {@code _created}),
 * {@code parley_support_handoffs_total{inbox,trigger}} (the trigger the handoff event
 * names: customer, keyword, rule, model or agent; {@code unknown} when it names none),
 * {@code parley_support_resolved_total{inbox,by}} (bot or human: the event's
 * {@code resolved_by}, else who handled the conversation when it was resolved), and the
 * timers {@code parley_support_first_response_seconds{inbox}} and
 * {@code parley_support_resolution_seconds{inbox}} from the
 * {@code first_response_seconds} of a first human reply's {@code message.created} and the
 * {@code resolution_seconds} of a {@code conversation.status_changed} to resolved.
 */
@Component
class SupportMetrics {

	static final Set<String> TRIGGERS = Set.of("customer", "keyword", "rule", "model", "agent");

	/** Buckets for first responses: the service levels support teams promise. */
	private static final Duration[] FIRST_RESPONSE_BUCKETS = { Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4),
			Duration.ofHours(24) };

	private static final Duration[] RESOLUTION_BUCKETS = { Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7) };

	private final MeterRegistry registry;

	private final JsonMapper json;

	SupportMetrics(MeterRegistry registry, JsonMapper json) {
		this.registry = registry;
		this.json = json;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void committed(SupportEvent event) {
		String inbox = event.inboxId().toString();
		switch (event.type()) {
			case SupportEvent.CONVERSATION_CREATED ->
				counter("parley.support.conversations", "Support conversations started", inbox).increment();
			case SupportEvent.BOT_HANDOFF -> handoff(inbox, data(event));
			case SupportEvent.CONVERSATION_STATUS_CHANGED -> statusChanged(inbox, data(event));
			case SupportEvent.MESSAGE_CREATED -> {
				Double seconds = seconds(data(event), "first_response_seconds");
				if (seconds != null) {
					timer("parley.support.first_response", "Time from the handoff to the first human reply", inbox,
							FIRST_RESPONSE_BUCKETS)
						.record(Duration.ofMillis(Math.round(seconds * 1000)));
				}
			}
			default -> {
				// no series of its own
			}
		}
	}

	private void handoff(String inbox, JsonNode data) {
		String trigger = text(data, "trigger");
		String named = (trigger != null) ? trigger.toLowerCase(Locale.ROOT) : "unknown";
		String tag = (named.equals("unknown") || TRIGGERS.contains(named)) ? named : "other";
		Counter.builder("parley.support.handoffs")
			.description("Support conversations the bot handed to humans, by trigger")
			.tag("inbox", inbox)
			.tag("trigger", tag)
			.register(this.registry)
			.increment();
	}

	private void statusChanged(String inbox, JsonNode data) {
		if (!"resolved".equals(text(data, "status"))) {
			return;
		}
		String named = text(data, "resolved_by");
		String by = "bot".equals((named != null) ? named : text(data, "handler")) ? "bot" : "human";
		Counter.builder("parley.support.resolved")
			.description("Support conversations resolved, by who handled them then")
			.tag("inbox", inbox)
			.tag("by", by)
			.register(this.registry)
			.increment();
		Double seconds = seconds(data, "resolution_seconds");
		if (seconds != null) {
			timer("parley.support.resolution", "Time from the start of a support conversation to its resolution", inbox,
					RESOLUTION_BUCKETS)
				.record(Duration.ofMillis(Math.round(seconds * 1000)));
		}
	}

	private Counter counter(String name, String description, String inbox) {
		return Counter.builder(name).description(description).tag("inbox", inbox).register(this.registry);
	}

	private Timer timer(String name, String description, String inbox, Duration[] buckets) {
		return Timer.builder(name)
			.description(description)
			.tag("inbox", inbox)
			.serviceLevelObjectives(buckets)
			.register(this.registry);
	}

	private JsonNode data(SupportEvent event) {
		return (event.data() != null) ? this.json.valueToTree(event.data()) : NullNode.getInstance();
	}

	/**
	 * The text at {@code name} of the data, or of its {@code conversation} (the
	 * conversation events carry the whole conversation there).
	 */
	private static @Nullable String text(JsonNode data, String name) {
		JsonNode value = data.path(name);
		if (!value.isString()) {
			value = data.path("conversation").path(name);
		}
		return value.isString() ? value.asString() : null;
	}

	private static @Nullable Double seconds(JsonNode data, String name) {
		JsonNode value = data.path(name);
		return (value.isNumber() && value.asDouble() >= 0) ? value.asDouble() : null;
	}

}
