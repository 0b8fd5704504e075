package dev.parley.chat;

import java.io.IOException;
import java.util.List;

/**
 * Where a follower of a conversation's replies delivers them: an SSE response, a
 * WebSocket subscription. An {@link IOException} means the receiver is gone and ends the
 * follow; the generation goes on without it.
 */
public interface ReplySink {

	/**
	 * The next events, in order; a finished reply rebuilt from the database comes as its
	 * terminal event alone, with the sequence {@link EventId#AFTER_END}.
	 */
	void events(List<SequencedEvent> events) throws IOException;

	/**
	 * Nothing happened for a heartbeat interval (an SSE stream writes a heartbeat
	 * comment, which also finds out whether the client is still there).
	 */
	void idle() throws IOException;

}
