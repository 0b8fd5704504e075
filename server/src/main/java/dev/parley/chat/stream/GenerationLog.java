package dev.parley.chat.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
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
		this.lock.lock();
		try {
			if (this.terminal == null) {
				this.terminal = terminal;
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
			while (lastSeq() <= afterSeq && this.terminal == null && remaining > 0) {
				remaining = this.changed.awaitNanos(remaining);
			}
			long last = lastSeq();
			if (last <= afterSeq) {
				return new EventBatch(List.of(), this.terminal != null);
			}
			List<SequencedEvent> events = new ArrayList<>((int) Math.min(max, last - afterSeq));
			long seq = afterSeq + 1;
			for (; seq <= last && events.size() < max; seq++) {
				events.add(new SequencedEvent(this.generationId, seq, eventAt(seq)));
			}
			return new EventBatch(events, this.terminal != null && seq > last);
		}
		finally {
			this.lock.unlock();
		}
	}

	private long lastSeq() {
		return this.chunks + ((this.terminal != null) ? 1 : 0);
	}

	private ChatEvent eventAt(long seq) {
		if (seq == 0) {
			return this.start;
		}
		if (seq <= this.chunks) {
			int i = (int) seq - 1;
			int from = (i == 0) ? 0 : this.chunkEnds[i - 1];
			return new ChatEvent.Chunk(this.text.substring(from, this.chunkEnds[i]));
		}
		return this.terminal;
	}

}
