package dev.parley.chat.stream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
import dev.parley.chat.EventId;
import dev.parley.chat.SequencedEvent;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.VirtualThreads;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryGenerationEventLogTests {

	/** Waits that block run on virtual threads, never on the common fork-join pool. */
	private static final Executor BLOCKING = VirtualThreads.executor("test-wait");

	private final UUID conversation = UUID.randomUUID();

	/** Generation ids are time-ordered (UUIDv7), as the application makes them. */
	private final IdGenerator ids = new IdGenerator();

	private final UUID generation = this.ids.next();

	private final InMemoryGenerationEventLog log = new InMemoryGenerationEventLog(Duration.ofMinutes(5));

	@Test
	void readsEventsAfterAPositionWithoutGapsOrDuplicates() throws Exception {
		begin();
		this.log.appendChunk(this.generation, "Hel");
		this.log.appendChunk(this.generation, "lo");
		this.log.finish(this.generation,
				new ChatEvent.End(this.generation, "Hello", null, "stop", "complete", "m", "p", false));

		EventBatch all = this.log.read(this.generation, -1, 100, Duration.ZERO);
		assertThat(all.events()).extracting(SequencedEvent::seq).containsExactly(0L, 1L, 2L, 3L);
		assertThat(all.events()).extracting((e) -> e.event().type()).containsExactly("start", "chunk", "chunk", "end");
		assertThat(all.ended()).isTrue();

		EventBatch afterFirstChunk = this.log.read(this.generation, 1, 100, Duration.ZERO);
		assertThat(afterFirstChunk.events()).extracting(SequencedEvent::event)
			.first()
			.isEqualTo(new ChatEvent.Chunk("lo"));
		assertThat(this.log.read(this.generation, 3, 100, Duration.ZERO).events()).isEmpty();
		assertThat(this.log.read(this.generation, 3, 100, Duration.ZERO).ended()).isTrue();
	}

	@Test
	void anAbandonedGenerationEndsAfterEverySequenceAClientMayHaveSeen() throws Exception {
		begin();
		this.log.appendChunk(this.generation, "Hel");
		ChatEvent.Error interrupted = new ChatEvent.Error("interrupted", "gone", this.generation, "interrupted", "Hel");
		this.log.finishAbandoned(this.generation, interrupted);
		this.log.appendChunk(this.generation, "lo");

		EventBatch all = this.log.read(this.generation, -1, 100, Duration.ZERO);
		assertThat(all.events()).extracting(SequencedEvent::eventId)
			.containsExactly(this.generation + ":0", this.generation + ":1", this.generation + ":end");
		assertThat(all.ended()).isTrue();
		// The dead instance's client had chunk 5, which never reached this log.
		EventBatch ahead = this.log.read(this.generation, 5, 100, Duration.ZERO);
		assertThat(ahead.events()).extracting(SequencedEvent::event).containsExactly(interrupted);
		EventBatch atTheEnd = this.log.read(this.generation, EventId.AFTER_END, 100, Duration.ZERO);
		assertThat(atTheEnd.events()).isEmpty();
		assertThat(atTheEnd.ended()).isTrue();
	}

	@Test
	void aReaderLimitedInBatchSizeSeesTheEndOnlyWhenItReachesIt() throws Exception {
		begin();
		for (int i = 0; i < 10; i++) {
			this.log.appendChunk(this.generation, "w" + i);
		}
		this.log.finish(this.generation,
				new ChatEvent.End(this.generation, "", null, "stop", "complete", "m", "p", false));
		EventBatch first = this.log.read(this.generation, -1, 4, Duration.ZERO);
		assertThat(first.events()).hasSize(4);
		assertThat(first.ended()).isFalse();
	}

	@Test
	void aWaitingReaderWakesUpWhenAChunkArrives() throws Exception {
		begin();
		CompletableFuture<EventBatch> reader = CompletableFuture.supplyAsync(() -> {
			try {
				return this.log.read(this.generation, 0, 10, Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, BLOCKING);
		Thread.sleep(50);
		this.log.appendChunk(this.generation, "x");
		EventBatch batch = reader.get(5, TimeUnit.SECONDS);
		assertThat(batch.events()).extracting(SequencedEvent::event).containsExactly(new ChatEvent.Chunk("x"));
	}

	@Test
	void knowsTheRunningGenerationAndWaitsForTheNext() throws Exception {
		assertThat(this.log.awaitNext(this.conversation, null, Duration.ofMillis(20))).isEmpty();
		begin();
		assertThat(this.log.running(this.conversation)).contains(this.generation);
		this.log.finish(this.generation,
				new ChatEvent.End(this.generation, "", null, "stop", "complete", "m", "p", false));
		assertThat(this.log.running(this.conversation)).isEmpty();
		UUID next = this.ids.next();
		CompletableFuture<Optional<UUID>> waiter = CompletableFuture.supplyAsync(() -> {
			try {
				return this.log.awaitNext(this.conversation, this.generation, Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, BLOCKING);
		Thread.sleep(50);
		this.log.begin(this.conversation, next, new ChatEvent.Start(next, this.conversation, null, "m", "p"));
		assertThat(waiter.get(5, TimeUnit.SECONDS)).contains(next);
	}

	@Test
	void finishedLogsExpireAfterTheRetention() throws Exception {
		InMemoryGenerationEventLog shortLived = new InMemoryGenerationEventLog(Duration.ZERO);
		shortLived.begin(this.conversation, this.generation,
				new ChatEvent.Start(this.generation, this.conversation, null, "m", "p"));
		shortLived.expire();
		assertThat(shortLived.read(this.generation, -1, 10, Duration.ZERO)).as("running logs stay").isNotNull();
		shortLived.finish(this.generation,
				new ChatEvent.End(this.generation, "", null, "stop", "complete", "m", "p", false));
		Thread.sleep(2);
		shortLived.expire();
		assertThat(shortLived.read(this.generation, -1, 10, Duration.ZERO)).isNull();
		assertThat(shortLived.latest(this.conversation)).isEmpty();
	}

	@Test
	void eventIdsRoundTripAndRejectGarbage() {
		EventId id = EventId.parse(EventId.format(this.generation, 42));
		assertThat(id).isEqualTo(new EventId(this.generation, 42));
		assertThat(EventId.parse(this.generation + ":end").seq()).isEqualTo(EventId.AFTER_END);
		for (String bad : List.of("", "x", "abc:1", this.generation + ":", this.generation + ":-1",
				this.generation + ":x")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventId.parse(bad))
				.isInstanceOf(dev.parley.platform.problem.ProblemException.class);
		}
	}

	private void begin() {
		this.log.begin(this.conversation, this.generation,
				new ChatEvent.Start(this.generation, this.conversation, UUID.randomUUID(), "m", "p"));
	}

}
