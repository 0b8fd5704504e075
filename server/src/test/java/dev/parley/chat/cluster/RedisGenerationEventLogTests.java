package dev.parley.chat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
import dev.parley.chat.EventId;
import dev.parley.chat.SequencedEvent;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.VirtualThreads;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.TestRedisLinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log of a cluster on a real Redis, with each log standing for one instance:
 * what one instance writes another follows live and resumes without a gap or a duplicate,
 * waits for, and ends when the writer is gone; a writer cut off from Redis writes its
 * stream again once Redis is back.
 */
class RedisGenerationEventLogTests {

	/** Waits that block run on virtual threads, never on the common fork-join pool. */
	private static final Executor BLOCKING = VirtualThreads.executor("test-wait");

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final TestRedisLinks redis = new TestRedisLinks();

	private final List<AutoCloseable> logs = new ArrayList<>();

	private final IdGenerator ids = new IdGenerator();

	private final UUID conversation = UUID.randomUUID();

	@BeforeEach
	void requireRedis() {
		TestRedis.require();
	}

	@AfterEach
	void shutDown() throws Exception {
		for (AutoCloseable log : this.logs) {
			log.close();
		}
		this.redis.close();
	}

	@Test
	void anotherInstanceFollowsLiveAndResumesWithoutGapOrDuplicate() throws Exception {
		RedisGenerationEventLog a = log(TestRedis.URL);
		RedisGenerationEventLog b = log(TestRedis.URL);
		UUID generation = this.ids.next();
		a.begin(this.conversation, generation, start(generation));
		a.appendChunk(generation, "one ");
		a.appendChunk(generation, "two ");

		assertThat(texts(readUntil(b, generation, -1, 3))).containsExactly("start", "one ", "two ");
		assertThat(b.latest(this.conversation)).contains(generation);
		assertThat(b.running(this.conversation)).contains(generation);

		CompletableFuture<List<SequencedEvent>> live = CompletableFuture
			.supplyAsync(() -> readUntilEnd(b, generation, 2), BLOCKING);
		a.appendChunk(generation, "three");
		a.finish(generation, end(generation, "one two three"));
		List<SequencedEvent> rest = live.get(10, TimeUnit.SECONDS);
		assertThat(rest).extracting(SequencedEvent::seq).containsExactly(3L, 4L);
		assertThat(texts(rest)).containsExactly("three", "end");

		// A third instance resumes after event 1: no gap, no duplicate.
		RedisGenerationEventLog c = log(TestRedis.URL);
		assertThat(readUntilEnd(c, generation, 1)).extracting(SequencedEvent::seq).containsExactly(2L, 3L, 4L);
		assertThat(c.running(this.conversation)).isEmpty();
		assertThat(c.read(UUID.randomUUID(), -1, 10, Duration.ZERO)).as("an unknown generation").isNull();
	}

	@Test
	void aWaitingSubscriberElsewhereSeesTheNextGenerationBegin() throws Exception {
		RedisGenerationEventLog a = log(TestRedis.URL);
		RedisGenerationEventLog b = log(TestRedis.URL);
		UUID first = this.ids.next();
		a.begin(this.conversation, first, start(first));
		a.finish(first, end(first, ""));

		CompletableFuture<Optional<UUID>> next = CompletableFuture.supplyAsync(() -> {
			try {
				return b.awaitNext(this.conversation, first, Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, BLOCKING);
		Thread.sleep(300);
		assertThat(next).isNotDone();
		UUID second = this.ids.next();
		a.begin(this.conversation, second, start(second));
		assertThat(next.get(10, TimeUnit.SECONDS)).contains(second);
		// Nothing older than what the subscriber had counts as next.
		assertThat(b.awaitNext(this.conversation, second, Duration.ofMillis(200))).isEmpty();
	}

	@Test
	void aGenerationWhoseInstanceIsGoneIsEndedByAnother() throws Exception {
		RedisGenerationEventLog a = log(TestRedis.URL);
		RedisGenerationEventLog b = log(TestRedis.URL);
		UUID generation = this.ids.next();
		a.begin(this.conversation, generation, start(generation));
		a.appendChunk(generation, "partial");
		assertThat(readUntil(b, generation, -1, 2)).hasSize(2);
		a.close();

		CompletableFuture<List<SequencedEvent>> follower = CompletableFuture
			.supplyAsync(() -> readUntilEnd(b, generation, 1), BLOCKING);
		RedisGenerationEventLog c = log(TestRedis.URL);
		ChatEvent.Error interrupted = new ChatEvent.Error("interrupted", "gone", generation, "interrupted", "partial");
		c.finishAbandoned(generation, interrupted);
		c.finishAbandoned(generation, interrupted);
		List<SequencedEvent> end = follower.get(10, TimeUnit.SECONDS);
		// After any sequence the dead instance may have sent its own clients.
		assertThat(end).extracting(SequencedEvent::eventId).containsExactly(generation + ":end");
		assertThat(end.get(0).event()).isEqualTo(interrupted);
		assertThat(readUntilEnd(log(TestRedis.URL), generation, -1)).as("ended once").hasSize(3);
		// A client that saw chunks which never reached Redis still gets the end.
		assertThat(readUntilEnd(b, generation, 7)).extracting(SequencedEvent::seq).containsExactly(EventId.AFTER_END);
		assertThat(readUntilEnd(b, generation, EventId.AFTER_END)).as("nothing after the end").isEmpty();
	}

	@Test
	void aWriterCutOffFromRedisWritesItsStreamAgainWhenRedisIsBack() throws Exception {
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			RedisLink cutOff = link("redis://127.0.0.1:" + proxy.port());
			RedisGenerationEventLog a = log(cutOff);
			RedisGenerationEventLog b = log(TestRedis.URL);
			UUID generation = this.ids.next();
			a.begin(this.conversation, generation, start(generation));
			a.appendChunk(generation, "before ");
			assertThat(readUntil(b, generation, -1, 2)).hasSize(2);

			proxy.stop();
			Eventually.eventually("the writer notices Redis is away").until(() -> !cutOff.up());
			a.appendChunk(generation, "during ");
			a.appendChunk(generation, "outage ");
			// The writer's own readers are served from memory meanwhile.
			assertThat(texts(a.read(generation, -1, 10, Duration.ZERO).events())).containsExactly("start", "before ",
					"during ", "outage ");

			proxy.start();
			Eventually.eventually("the writer reaches Redis again").until(cutOff::up);
			a.appendChunk(generation, "after");
			a.finish(generation, end(generation, "before during outage after"));
			List<SequencedEvent> seen = readUntilEnd(b, generation, 1);
			assertThat(seen).extracting(SequencedEvent::seq).containsExactly(2L, 3L, 4L, 5L);
			assertThat(texts(seen)).containsExactly("during ", "outage ", "after", "end");
		}
	}

	private ChatEvent.Start start(UUID generation) {
		return new ChatEvent.Start(generation, this.conversation, UUID.randomUUID(), "demo", "demo");
	}

	private static ChatEvent.End end(UUID generation, String text) {
		return new ChatEvent.End(generation, text, ChatEvent.TokenUsage.of(1, 2), "stop", "complete", "demo", "demo",
				false);
	}

	private static List<String> texts(List<SequencedEvent> events) {
		return events.stream().map((event) -> switch (event.event()) {
			case ChatEvent.Chunk chunk -> chunk.content();
			default -> event.event().type();
		}).toList();
	}

	private static List<SequencedEvent> readUntil(RedisGenerationEventLog log, UUID generation, long after, int count)
			throws InterruptedException {
		return read(log, generation, after, count).events();
	}

	private static List<SequencedEvent> readUntilEnd(RedisGenerationEventLog log, UUID generation, long after) {
		try {
			Reading reading = read(log, generation, after, Integer.MAX_VALUE);
			if (reading.ended()) {
				return reading.events();
			}
			throw new AssertionError("no end within 10 s; got " + reading.events());
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads the generation after {@code after} until {@code count} events, its end, or 10
	 * s.
	 */
	private static Reading read(RedisGenerationEventLog log, UUID generation, long after, int count)
			throws InterruptedException {
		List<SequencedEvent> got = new ArrayList<>();
		long position = after;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (got.size() < count && System.nanoTime() < deadline) {
			EventBatch batch = log.read(generation, position, 100, WAIT);
			assertThat(batch).as("the log holds " + generation).isNotNull();
			got.addAll(batch.events());
			if (!batch.events().isEmpty()) {
				position = batch.events().get(batch.events().size() - 1).seq();
			}
			if (batch.ended()) {
				return new Reading(got, true);
			}
		}
		return new Reading(got, false);
	}

	/** What a test read of a generation got, and whether it reached the end. */
	private record Reading(List<SequencedEvent> events, boolean ended) {
	}

	private RedisGenerationEventLog log(String url) {
		return log(link(url));
	}

	private RedisGenerationEventLog log(RedisLink link) {
		RedisGenerationEventLog log = new RedisGenerationEventLog(link, JsonConfiguration.storageJsonMapper(),
				Duration.ofMinutes(1));
		this.logs.add(log);
		return log;
	}

	private RedisLink link(String url) {
		return this.redis.link(url);
	}

}
