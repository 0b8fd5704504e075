package dev.parley.support.desk;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.chat.ReplyGate;
import dev.parley.platform.persistence.Jdbc;

/**
 * The ownership lock of a support conversation, as the chat core asks it: the AI may
 * begin a reply only while the bot answers ({@code handler = 'bot'}), decided by one
 * conditional update of the conversation's row in the transaction that stores the reply's
 * row. A handoff is the opposite update of the same row, so one of the two always sees
 * the other: a handoff committed first makes the claim fail (no reply); a claim committed
 * first is followed by the handoff, which stops the reply it finds running.
 */
@Component
class BotGate implements ReplyGate {

	private final SupportConversationRepository conversations;

	private final Clock clock;

	BotGate(SupportConversationRepository conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
	}

	@Override
	public boolean open(UUID conversationId) {
		return this.conversations.botAnswers(conversationId);
	}

	@Override
	public boolean claim(UUID conversationId) {
		return this.conversations.claimForBot(conversationId, Jdbc.now(this.clock));
	}

	/**
	 * The gate of a message that hands the conversation over: closed whatever the row
	 * says.
	 */
	static final ReplyGate CLOSED = new ReplyGate() {

		@Override
		public boolean open(UUID conversationId) {
			return false;
		}

		@Override
		public boolean claim(UUID conversationId) {
			return false;
		}

	};

}
