package dev.parley.chat.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
import dev.parley.chat.EventId;
import dev.parley.chat.SequencedEvent;

/**
 * The in-memory log of one generation. Compact: the text is one buffer and each chunk is
 * only its end offset, so holding thousands of long replies costs little more than their
 * text; events are rebuilt when read.
 */
final class GenerationLog {

	private final UUID generationId;

	private final UUID conversationId;

	private final ChatEvent.Start start;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final StringBuilder text = new StringBuilder();

	private int[] chunkEnds = new int[16];

	private int chunks;

	private ChatEvent terminal;

	/**
	 * The terminal event came from an instance that found the generation abandoned, not
	 * from its own: it sits after every sequence a client may have seen.
	 */
	private boolean abandoned;

	private long finishedAtNanos;

	GenerationLog(UUID generationId, UUID conversationId, ChatEvent.Start start) {
		this.generationId = generationId;
		this.conversationId = conversationId;
		this.start = start;
	}

	UUID conversationId() {
		return this.conversationId;
	}

	void append(String delta) {
		this.lock.lock();
		try {
			if (this.terminal != null) {
				return;
			}
			this.text.append(delta);
			if (this.chunks == this.chunkEnds.length) {
				this.chunkEnds = Arrays.copyOf(this.chunkEnds, this.chunks * 2);
			}
			this.chunkEnds[this.chunks++] = this.text.length();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	void finish(ChatEvent terminal, long nowNanos) {
		finish(terminal, nowNanos, false);
	}

	/**
	 * Ends the log; an {@code abandoned} end has the sequence {@link EventId#AFTER_END}
	 * (id {@code <generation>:end}), because the instance that ran the generation may
	 * have sent chunks that never reached this log.
	 */
	void finish(ChatEvent terminal, long nowNanos, boolean abandoned) {
		this.lock.lock();
		try {
			if (this.terminal == null) {
				this.terminal = terminal;
				this.abandoned = abandoned;
				this.finishedAtNanos = nowNanos;
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean finishedBefore(long nanos) {
		this.lock.lock();
		try {
			return this.terminal != null && this.finishedAtNanos - nanos < 0;
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean finished() {
		this.lock.lock();
		try {
			return this.terminal != null;
		}
		finally {
			this.lock.unlock();
		}
	}

	EventBatch read(long afterSeq, int max, long waitNanos) throws InterruptedException {
		this.lock.lock();
		try {
			long remaining = waitNanos;
			while (afterSeq >= this.chunks && this.terminal == null && remaining > 0) {
				remaining = this.changed.awaitNanos(remaining);
			}
			// afterSeq may be AFTER_END (Long.MAX_VALUE): no arithmetic on it that
			// overflows.
			long seq = (afterSeq < this.chunks) ? afterSeq + 1 : this.chunks + 1;
			List<SequencedEvent> events = new ArrayList<>((int) Math.min(max, this.chunks - seq + 2));
			for (; seq <= this.chunks && events.size() < max; seq++) {
				events.add(new SequencedEvent(this.generationId, seq, eventAt(seq)));
			}
			boolean ended = false;
			if (this.terminal != null && seq > this.chunks) {
				long terminalSeq = this.abandoned ? EventId.AFTER_END : this.chunks + 1;
				if (terminalSeq <= afterSeq) {
					ended = true;
				}
				else if (events.size() < max) {
					events.add(new SequencedEvent(this.generationId, terminalSeq, this.terminal));
					ended = true;
				}
			}
			return new EventBatch(events, ended);
		}
		finally {
			this.lock.unlock();
		}
	}

	private ChatEvent eventAt(long seq) {
		if (seq == 0) {
			return this.start;
		}
		int i = (int) seq - 1;
		int from = (i == 0) ? 0 : this.chunkEnds[i - 1];
		return new ChatEvent.Chunk(this.text.substring(from, this.chunkEnds[i]));
	}

}
