package dev.parley.conversation.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's meters: conversations whose stored status the job changed
 * ({@code parley.conversation.transitions}, by new status), and what the retention policy
 * deleted ({@code parley.conversation.retention.deleted}, conversations, and
 * {@code parley.conversation.retention.deleted_messages}).
 */
@Component
class LifecycleMetrics {

	private final Counter becameIdle;

	private final Counter becameExpired;

	private final Counter deletedConversations;

	private final Counter deletedMessages;

	LifecycleMetrics(MeterRegistry registry) {
		this.becameIdle = transitions(registry, "idle");
		this.becameExpired = transitions(registry, "expired");
		this.deletedConversations = Counter.builder("parley.conversation.retention.deleted")
			.description("Conversations deleted by the retention policy")
			.register(registry);
		this.deletedMessages = Counter.builder("parley.conversation.retention.deleted_messages")
			.description("Messages deleted by the retention policy")
			.register(registry);
	}

	private static Counter transitions(MeterRegistry registry, String status) {
		return Counter.builder("parley.conversation.transitions")
			.description("Conversations whose stored status the lifecycle job changed, by new status")
			.tag("status", status)
			.register(registry);
	}

	void becameIdle(int count) {
		this.becameIdle.increment(count);
	}

	void becameExpired(int count) {
		this.becameExpired.increment(count);
	}

	void deletedConversation() {
		this.deletedConversations.increment();
	}

	void deletedMessages(int count) {
		this.deletedMessages.increment(count);
	}

}
