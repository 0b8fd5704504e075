package dev.parley.support.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A support inbox with its website channel: the agent that answers for the AI (none: the
 * bot never answers), what the customer is told, when humans take over by themselves
 * (keywords, failed answers), business hours, whether visitors must prove who they are
 * (HMAC of their identifier with {@code hmacSecret}), auto-assignment, and the human
 * agents who work in it ({@code memberIds}).
 */
public record Inbox(UUID id, String name, @Nullable UUID agentId, @Nullable String greeting,
		@Nullable String handoffMessage, List<String> handoffKeywords, int handoffAfterFailures,
		@Nullable BusinessHours businessHours, String timeZone, boolean identityRequired, String hmacSecret,
		boolean autoAssign, int agentCapacity, List<String> allowedOrigins, List<String> memberIds, Instant createdAt,
		Instant updatedAt) {

	/** Whether the bot answers new conversations of this inbox. */
	public boolean hasBot() {
		return this.agentId != null;
	}

	/** Whether {@code at} is within business hours (always, when none are set). */
	public boolean openAt(Instant at) {
		return this.businessHours == null || this.businessHours.openAt(at, ZoneId.of(this.timeZone));
	}

	/** The keyword of the customer's {@code text} that asks for a person, or null. */
	public @Nullable String handoffKeywordIn(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String keyword : this.handoffKeywords) {
			if (!keyword.isBlank() && lower.contains(keyword.toLowerCase(Locale.ROOT))) {
				return keyword;
			}
		}
		return null;
	}

	/**
	 * Whether a page of {@code origin} may use the widget: any when no origins are set,
	 * else one of them.
	 */
	public boolean allows(@Nullable String origin) {
		return this.allowedOrigins.isEmpty() || (origin != null && this.allowedOrigins.contains(origin));
	}

}
