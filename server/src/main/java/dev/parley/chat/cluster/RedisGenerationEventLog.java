package dev.parley.chat.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
import dev.parley.chat.GenerationEventLog;
import dev.parley.chat.SequencedEvent;
import dev.parley.chat.stream.InMemoryGenerationEventLog;
import dev.parley.platform.cluster.RedisLink;

/**
 * The event log of a cluster. The instance running a generation keeps its log in memory,
 * as a single instance does, and copies each event to the generation's Redis stream
 * without waiting (so streaming never waits for Redis); any other instance that is asked
 * for the generation copies the stream into its own memory and follows it live through
 * {@link StreamFollower}. While Redis is away every instance serves what it holds (its
 * own generations keep streaming, a resume elsewhere gets {@code stream_unavailable}),
 * and a stream that fell behind is written again from memory once Redis is back.
 */
public final class RedisGenerationEventLog implements GenerationEventLog, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisGenerationEventLog.class);

	/** How long a stream lives while its generation runs (renewed on each resync). */
	private static final Duration RUNNING_TTL = Duration.ofHours(6);

	/** How long a reader waits for a generation's stream to appear in Redis. */
	private static final Duration ATTACH_PATIENCE = Duration.ofMillis(250);

	/** How many generations each conversation's stream remembers. */
	private static final long CONVERSATION_MAXLEN = 16;

	/**
	 * Appends the terminal event of a generation whose instance is gone, unless the
	 * stream ended already; {@code 0-*} takes the next sequence.
	 */
	private static final String FINISH_ABANDONED = """
			local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
			if #last == 0 then return 0 end
			local fields = last[1][2]
			for i = 1, #fields, 2 do
			  if fields[i] == 'e' or fields[i] == 'x' or fields[i] == 'xa' then return 0 end
			end
			redis.call('XADD', KEYS[1], '0-*', ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""";

	private final InMemoryGenerationEventLog local;

	private final RedisLink link;

	private final StreamFollower follower;

	private final EventCodec codec;

	private final Duration retention;

	private final Map<UUID, OwnedGeneration> owned = new ConcurrentHashMap<>();

	/** Ended here while Redis could not take all of it: written again when it can. */
	private final Map<UUID, OwnedGeneration> unsynced = new ConcurrentHashMap<>();

	private final Map<UUID, Replica> replicas = new ConcurrentHashMap<>();

	private final Map<UUID, ConversationWatch> conversationWatches = new ConcurrentHashMap<>();

	public RedisGenerationEventLog(RedisLink link, JsonMapper json, Duration retention) {
		this.local = new InMemoryGenerationEventLog(retention);
		this.link = link;
		this.codec = new EventCodec(json);
		this.retention = retention;
		this.follower = new StreamFollower(link);
		this.follower.start();
	}

	@Override
	public void begin(UUID conversationId, UUID generationId, ChatEvent.Start start) {
		this.local.begin(conversationId, generationId, start);
		OwnedGeneration generation = new OwnedGeneration(generationId, conversationId);
		this.owned.put(generationId, generation);
		synchronized (generation) {
			if (publish(generation, 0, start)) {
				announce(generation);
			}
		}
	}

	@Override
	public void appendChunk(UUID generationId, String delta) {
		this.local.appendChunk(generationId, delta);
		OwnedGeneration generation = this.owned.get(generationId);
		if (generation != null) {
			synchronized (generation) {
				publish(generation, generation.next(), new ChatEvent.Chunk(delta));
			}
		}
	}

	@Override
	public void finish(UUID generationId, ChatEvent terminal) {
		this.local.finish(generationId, terminal);
		OwnedGeneration generation = this.owned.remove(generationId);
		if (generation != null) {
			synchronized (generation) {
				generation.ended = true;
				if (publish(generation, generation.next(), terminal)) {
					expireAfterRetention(generation);
				}
				else {
					this.unsynced.put(generationId, generation);
				}
			}
		}
	}

	@Override
	public void finishAbandoned(UUID generationId, ChatEvent terminal) {
		if (this.owned.containsKey(generationId)) {
			finish(generationId, terminal);
			return;
		}
		this.local.finishAbandoned(generationId, terminal);
		if (!this.link.up() || !(terminal instanceof ChatEvent.Error error)) {
			return;
		}
		try {
			Map.Entry<String, byte[]> field = this.codec.encodeAbandoned(error).entrySet().iterator().next();
			this.link.binary()
				.sync()
				.eval(FINISH_ABANDONED.getBytes(StandardCharsets.UTF_8), ScriptOutputType.INTEGER,
						new String[] { StreamKeys.generation(generationId) },
						field.getKey().getBytes(StandardCharsets.UTF_8), field.getValue(),
						Long.toString(Math.max(1, this.retention.toMillis())).getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			log.warn("Could not end the shared log of abandoned reply {}: {}", generationId, ex.toString());
		}
	}

	@Override
	public Optional<UUID> latest(UUID conversationId) {
		Optional<UUID> mine = this.local.latest(conversationId);
		Optional<UUID> shared = sharedLatest(conversationId);
		if (shared.isEmpty()) {
			return mine;
		}
		if (mine.isEmpty() || InMemoryGenerationEventLog.newer(shared.get(), mine.get())) {
			return shared;
		}
		return mine;
	}

	@Override
	public Optional<UUID> awaitNext(UUID conversationId, @Nullable UUID after, Duration timeout)
			throws InterruptedException {
		if (!this.link.up()) {
			return this.local.awaitNext(conversationId, after, timeout);
		}
		ConversationWatch watch = watchConversation(conversationId);
		try {
			Optional<UUID> shared = watch.newest;
			if (shared.isPresent() && (after == null || InMemoryGenerationEventLog.newer(shared.get(), after))
					&& attach(shared.get())) {
				return shared;
			}
			return this.local.awaitNext(conversationId, after, timeout);
		}
		finally {
			unwatchConversation(conversationId, watch);
		}
	}

	@Override
	public Optional<UUID> running(UUID conversationId) {
		Optional<UUID> latest = latest(conversationId);
		if (latest.isEmpty()) {
			return latest;
		}
		UUID generationId = latest.get();
		if (this.local.holds(generationId)) {
			return this.local.ended(generationId) ? Optional.empty() : latest;
		}
		if (!this.link.up()) {
			return Optional.empty();
		}
		try {
			List<StreamMessage<String, byte[]>> last = this.link.binary()
				.sync()
				.xrevrange(StreamKeys.generation(generationId), Range.unbounded(), Limit.create(0, 1));
			return (!last.isEmpty() && !this.codec.decode(last.get(0).getBody()).terminal()) ? latest
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	@Override
	public @Nullable EventBatch read(UUID generationId, long afterSeq, int max, Duration wait)
			throws InterruptedException {
		if (!this.local.holds(generationId) && !attachSoon(generationId, wait)) {
			return null;
		}
		return this.local.read(generationId, afterSeq, max, wait);
	}

	@Override
	public void expire() {
		this.local.expire();
		this.replicas.entrySet().removeIf((entry) -> {
			boolean gone = !this.local.holds(entry.getKey());
			if (gone) {
				this.follower.unwatch(StreamKeys.generation(entry.getKey()));
			}
			return gone;
		});
		if (this.link.up()) {
			this.owned.values().forEach(this::resyncIfBehind);
			this.unsynced.values().removeIf((generation) -> {
				resyncIfBehind(generation);
				return !generation.behind;
			});
		}
	}

	/**
	 * Copies an event to Redis without waiting; a failed copy marks the stream behind,
	 * and the next event (or the next expiry round) writes it again from memory.
	 * @return false when the event is not on its way to Redis
	 */
	private boolean publish(OwnedGeneration generation, long seq, ChatEvent event) {
		if (!this.link.up()) {
			generation.behind = true;
			return false;
		}
		if (generation.behind) {
			return resync(generation);
		}
		try {
			RedisAsyncCommands<String, byte[]> redis = this.link.binary().async();
			redis.xadd(generation.key, new XAddArgs().id(StreamKeys.entryId(seq)), this.codec.encode(event))
				.whenComplete((id, failure) -> {
					if (failure != null) {
						generation.behind = true;
					}
				});
			return true;
		}
		catch (RuntimeException ex) {
			generation.behind = true;
			return false;
		}
	}

	private void resyncIfBehind(OwnedGeneration generation) {
		synchronized (generation) {
			if (generation.behind && resync(generation) && generation.ended) {
				expireAfterRetention(generation);
			}
		}
	}

	/**
	 * Writes the whole stream again from memory, with the same entry ids, so readers that
	 * had part of it go on without a gap or a duplicate.
	 */
	private boolean resync(OwnedGeneration generation) {
		try {
			EventBatch all = this.local.read(generation.id, -1, Integer.MAX_VALUE, Duration.ZERO);
			if (all == null) {
				generation.behind = false;
				return false;
			}
			RedisAsyncCommands<String, byte[]> redis = this.link.binary().async();
			generation.behind = false;
			redis.del(generation.key);
			for (SequencedEvent event : all.events()) {
				redis
					.xadd(generation.key, new XAddArgs().id(StreamKeys.entryId(event.seq())),
							this.codec.encode(event.event()))
					.whenComplete((id, failure) -> {
						if (failure != null) {
							generation.behind = true;
						}
					});
			}
			announce(generation);
			log.info("Wrote the shared log of reply {} again ({} events) after Redis came back", generation.id,
					all.events().size());
			return true;
		}
		catch (RuntimeException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			generation.behind = true;
			return false;
		}
	}

	/** Records the generation as its conversation's newest, for every instance. */
	private void announce(OwnedGeneration generation) {
		RedisAsyncCommands<String, byte[]> redis = this.link.binary().async();
		String conversationKey = StreamKeys.conversation(generation.conversationId);
		redis.xadd(conversationKey, XAddArgs.Builder.maxlen(CONVERSATION_MAXLEN).approximateTrimming(),
				Map.of(StreamKeys.GENERATION_FIELD, generation.id.toString().getBytes(StandardCharsets.UTF_8)));
		redis.pexpire(conversationKey, RUNNING_TTL.toMillis());
		redis.pexpire(generation.key, RUNNING_TTL.toMillis());
	}

	private void expireAfterRetention(OwnedGeneration generation) {
		RedisAsyncCommands<String, byte[]> redis = this.link.binary().async();
		long millis = Math.max(1, this.retention.toMillis());
		redis.pexpire(generation.key, millis);
		redis.pexpire(StreamKeys.conversation(generation.conversationId), millis);
	}

	private Optional<UUID> sharedLatest(UUID conversationId) {
		return newestEntry(conversationId).map(StreamKeys::generationOf);
	}

	private Optional<StreamMessage<String, byte[]>> newestEntry(UUID conversationId) {
		if (!this.link.up()) {
			return Optional.empty();
		}
		try {
			List<StreamMessage<String, byte[]>> last = this.link.binary()
				.sync()
				.xrevrange(StreamKeys.conversation(conversationId), Range.unbounded(), Limit.create(0, 1));
			return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * {@link #attach} for a reader: the instance running a generation writes to Redis
	 * without waiting, so a reader that comes within milliseconds of its start (a client
	 * resuming elsewhere at once) may find nothing yet; it looks again for up to
	 * {@link #ATTACH_PATIENCE} (bounded by its wait) before the generation counts as
	 * unknown.
	 */
	private boolean attachSoon(UUID generationId, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + Math.min(wait.toNanos(), ATTACH_PATIENCE.toNanos());
		while (!attach(generationId)) {
			if (!this.link.up() || System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	/**
	 * Copies a generation that another instance runs into this instance's memory and
	 * follows it; false when Redis does not hold it either.
	 */
	private boolean attach(UUID generationId) {
		if (this.local.holds(generationId)) {
			return true;
		}
		if (!this.link.up()) {
			return false;
		}
		Replica replica = this.replicas.computeIfAbsent(generationId, Replica::new);
		synchronized (replica) {
			if (replica.attached) {
				return true;
			}
			List<StreamMessage<String, byte[]>> entries;
			try {
				entries = this.link.binary().sync().xrange(replica.key, Range.unbounded());
			}
			catch (RuntimeException ex) {
				this.replicas.remove(generationId, replica);
				return false;
			}
			if (entries.isEmpty() || !(this.codec.decode(entries.get(0).getBody()) instanceof ChatEvent.Start start)) {
				this.replicas.remove(generationId, replica);
				return false;
			}
			this.local.begin(start.conversationId(), generationId, start);
			replica.nextSeq = 1;
			boolean ended = apply(replica, entries.subList(1, entries.size()));
			replica.attached = true;
			if (!ended) {
				this.follower.watch(replica.key, entries.get(entries.size() - 1).getId(),
						(more) -> onEntries(replica, more));
			}
			return true;
		}
	}

	private void onEntries(Replica replica, List<StreamMessage<String, byte[]>> entries) {
		synchronized (replica) {
			if (apply(replica, entries)) {
				this.follower.unwatch(replica.key);
			}
		}
	}

	/**
	 * Appends entries in sequence to the copy; an entry past a gap (its writer is
	 * rewriting the stream) makes the follower read again from the last one in sequence.
	 * @return whether the copy has reached the terminal event
	 */
	private boolean apply(Replica replica, List<StreamMessage<String, byte[]>> entries) {
		for (StreamMessage<String, byte[]> entry : entries) {
			long seq = StreamKeys.seq(entry.getId());
			if (seq < replica.nextSeq) {
				continue;
			}
			if (seq > replica.nextSeq) {
				this.follower.rewind(replica.key, StreamKeys.entryId(replica.nextSeq - 1));
				return false;
			}
			ChatEvent event = this.codec.decode(entry.getBody());
			replica.nextSeq++;
			if (event instanceof ChatEvent.Chunk chunk) {
				this.local.appendChunk(replica.id, chunk.content());
			}
			else if (EventCodec.abandoned(entry.getBody())) {
				this.local.finishAbandoned(replica.id, event);
				return true;
			}
			else if (event.terminal()) {
				this.local.finish(replica.id, event);
				return true;
			}
		}
		return false;
	}

	/**
	 * Watches the conversation's stream so that a generation begun elsewhere is copied
	 * here at once.
	 */
	private ConversationWatch watchConversation(UUID conversationId) {
		ConversationWatch watch = this.conversationWatches.compute(conversationId, (id, current) -> {
			ConversationWatch next = (current != null) ? current : new ConversationWatch();
			next.waiters++;
			return next;
		});
		synchronized (watch) {
			if (!watch.registered) {
				Optional<StreamMessage<String, byte[]>> newest = newestEntry(conversationId);
				watch.newest = newest.map(StreamKeys::generationOf);
				this.follower.watch(StreamKeys.conversation(conversationId),
						newest.map(StreamMessage::getId).orElse("0-0"), (entries) -> {
							for (StreamMessage<String, byte[]> entry : entries) {
								attach(StreamKeys.generationOf(entry));
							}
						});
				watch.registered = true;
			}
			else {
				watch.newest = sharedLatest(conversationId);
			}
		}
		return watch;
	}

	private void unwatchConversation(UUID conversationId, ConversationWatch watch) {
		this.conversationWatches.computeIfPresent(conversationId, (id, current) -> {
			if (current != watch || --current.waiters > 0) {
				return current;
			}
			this.follower.unwatch(StreamKeys.conversation(conversationId));
			return null;
		});
	}

	@Override
	public void close() {
		this.follower.close();
	}

	/** A generation running here, as far as Redis has it. */
	private static final class OwnedGeneration {

		private final UUID id;

		private final UUID conversationId;

		private final String key;

		private long nextSeq = 1;

		private volatile boolean behind;

		private boolean ended;

		private OwnedGeneration(UUID id, UUID conversationId) {
			this.id = id;
			this.conversationId = conversationId;
			this.key = StreamKeys.generation(id);
		}

		private long next() {
			return this.nextSeq++;
		}

	}

	/** A generation another instance runs, copied into this instance's memory. */
	private static final class Replica {

		private final UUID id;

		private final String key;

		private boolean attached;

		private long nextSeq;

		private Replica(UUID id) {
			this.id = id;
			this.key = StreamKeys.generation(id);
		}

	}

	/** The subscribers of this instance waiting for a conversation's next generation. */
	private static final class ConversationWatch {

		private int waiters;

		private boolean registered;

		private volatile Optional<UUID> newest = Optional.empty();

	}

}
