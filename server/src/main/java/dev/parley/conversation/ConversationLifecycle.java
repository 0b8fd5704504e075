package dev.parley.conversation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * A conversation's status as of now, from its last activity (a message sent or answered):
 * {@code active}, {@code idle} after {@code parley.conversation.idle-after},
 * {@code expired} after {@code expire-after}. Computed when a conversation is read, so it
 * is right between two runs of the job that stores it.
 */
@Component
public class ConversationLifecycle {

	private final ConversationProperties properties;

	private final Clock clock;

	public ConversationLifecycle(ConversationProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The status now of a conversation last active at {@code lastActiveAt}. */
	public ConversationStatus statusOf(Instant lastActiveAt) {
		Instant now = this.clock.instant();
		if (lastActiveAt.isBefore(expiredBefore(now))) {
			return ConversationStatus.EXPIRED;
		}
		return lastActiveAt.isBefore(idleBefore(now)) ? ConversationStatus.IDLE : ConversationStatus.ACTIVE;
	}

	/** Conversations last active before this are idle (or expired) at {@code now}. */
	public Instant idleBefore(Instant now) {
		return now.minus(this.properties.idleAfter());
	}

	/** Conversations last active before this are expired at {@code now}. */
	public Instant expiredBefore(Instant now) {
		return now.minus(this.properties.expireAfter());
	}

	/** When a conversation last active at {@code lastActiveAt} expires. */
	public Instant expiresAt(Instant lastActiveAt) {
		return lastActiveAt.plus(this.properties.expireAfter());
	}

}
