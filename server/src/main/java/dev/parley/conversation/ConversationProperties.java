package dev.parley.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of conversations ({@code parley.conversation.*}): their lifecycle and the
 * retention policy (docs/adr/0019).
 *
 * @param idleAfter time without a message sent or answered after which a conversation is
 * {@code idle}
 * @param expireAfter time without a message sent or answered after which a conversation
 * is {@code expired}: its history stays readable, and the next message starts a fresh
 * context (the model no longer gets the earlier history)
 * @param retention time without a message sent or answered after which a conversation and
 * its messages are deleted; 0 keeps conversations forever (the default); at least
 * {@code expire-after} otherwise
 * @param lifecycleInterval how often the lifecycle job runs (once per cluster): it stores
 * the statuses that changed and applies the retention policy
 * @param lifecycleBatchSize rows the lifecycle job changes per transaction at most
 */
@ConfigurationProperties("parley.conversation")
public record ConversationProperties(@DefaultValue("30m") Duration idleAfter, @DefaultValue("24h") Duration expireAfter,
		@DefaultValue("0") Duration retention, @DefaultValue("1m") Duration lifecycleInterval,
		@DefaultValue("500") int lifecycleBatchSize) {

	public ConversationProperties {
		if (idleAfter.isNegative() || idleAfter.isZero()) {
			throw new IllegalArgumentException("parley.conversation.idle-after must be positive, not " + idleAfter);
		}
		if (expireAfter.compareTo(idleAfter) <= 0) {
			throw new IllegalArgumentException("parley.conversation.expire-after (" + expireAfter
					+ ") must be longer than parley.conversation.idle-after (" + idleAfter + ")");
		}
		if (retention.isNegative() || (!retention.isZero() && retention.compareTo(expireAfter) < 0)) {
			throw new IllegalArgumentException("parley.conversation.retention (" + retention
					+ ") must be 0 (off) or at least parley.conversation.expire-after (" + expireAfter + ")");
		}
		if (lifecycleInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"parley.conversation.lifecycle-interval must be at least 1s, not " + lifecycleInterval);
		}
		if (lifecycleBatchSize < 1 || lifecycleBatchSize > 10_000) {
			throw new IllegalArgumentException(
					"parley.conversation.lifecycle-batch-size must be 1 to 10000, not " + lifecycleBatchSize);
		}
	}

	/** Whether conversations are ever deleted for inactivity. */
	public boolean retains() {
		return !this.retention.isZero();
	}

}
