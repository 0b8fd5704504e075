package dev.parley.chat;

import java.util.UUID;

/**
 * Who decides whether the AI may answer in a conversation that someone else may own (a
 * support conversation a human took over). The decision is made twice: {@link #open}
 * before anything is prepared (a stale read is fine: a closed gate stores the message
 * without a reply, no lock or upstream slot taken), and {@link #claim} inside the
 * transaction that stores the message and the reply's row, so that a handoff committed
 * before it is always seen and a handoff committed after it finds the reply running and
 * stops it.
 */
public interface ReplyGate {

	/** The gate of ordinary conversations: the AI always answers. */
	ReplyGate ALWAYS = new ReplyGate() {

		@Override
		public boolean open(UUID conversationId) {
			return true;
		}

		@Override
		public boolean claim(UUID conversationId) {
			return true;
		}

	};

	/** Whether the AI answers now, as far as a plain read tells. */
	boolean open(UUID conversationId);

	/**
	 * Whether the AI may begin a reply, decided atomically in the caller's transaction
	 * (for example a conditional update that locks the row a handoff also updates).
	 */
	boolean claim(UUID conversationId);

}
