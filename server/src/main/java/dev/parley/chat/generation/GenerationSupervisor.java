package dev.parley.chat.generation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.ConversationLocks;
import dev.parley.chat.GenerationEventLog;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;

/**
 * Keeps replies safe across crashes: before traffic is served, this instance's replies
 * left {@code streaming} by a crash become {@code interrupted}; while running, the new
 * text of the running replies is checkpointed every interval in one batch (which also
 * renews their leases), replies whose lease ran out on any instance are marked
 * interrupted (and their event logs ended, for subscribers on any instance), as are at
 * once those whose final state could not be stored, and old event logs are dropped. All
 * of it is idempotent SQL, safe when every instance does it.
 */
@Component
class GenerationSupervisor implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GenerationSupervisor.class);

	private final ChatHistory history;

	private final GenerationRegistry registry;

	private final GenerationEventLog events;

	private final ConversationLocks locks;

	private final ChatProperties properties;

	private final InstanceId instanceId;

	private final Clock clock;

	private final Object checkpointing = new Object();

	private final Set<UUID> abandoned = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("generation-supervisor").daemon().factory());

	GenerationSupervisor(ChatHistory history, GenerationRegistry registry, GenerationEventLog events,
			ConversationLocks locks, ChatProperties properties, InstanceId instanceId, Clock clock) {
		this.instanceId = instanceId;
		this.history = history;
		this.registry = registry;
		this.events = events;
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Message> recovered = this.history.interruptStreaming(this.instanceId.value());
		if (!recovered.isEmpty()) {
			log.warn("Marked {} replies left streaming by an earlier crash as interrupted", recovered.size());
			endLogs(recovered);
		}
		long every = this.properties.checkpointInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::safely, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Gives up on a reply whose final state could not be stored: from now on no
	 * checkpoint saves it, and once the database answers it becomes {@code interrupted}
	 * with the text of its last checkpoint, which this returns. Waits for a checkpoint in
	 * progress, so the text returned is what the database keeps.
	 */
	String abandon(RunningGeneration generation) {
		synchronized (this.checkpointing) {
			this.registry.remove(generation);
			this.abandoned.add(generation.id());
			return generation.savedText();
		}
	}

	private void safely() {
		try {
			checkpoint();
			interruptAbandoned();
			List<Message> stale = this.history
				.interruptStale(this.clock.instant().minus(this.properties.leaseTimeout()));
			if (!stale.isEmpty()) {
				log.warn("Marked {} abandoned streaming replies as interrupted", stale.size());
				endLogs(stale);
			}
			this.events.expire();
		}
		catch (RuntimeException ex) {
			log.warn("Generation supervision round failed: {}", ex.getMessage());
		}
	}

	/**
	 * Subscribers of replies whose instance is gone (they may follow them from another
	 * instance's copy of the log) get the end: interrupted, with the checkpointed text.
	 */
	private void endLogs(List<Message> interrupted) {
		for (Message message : interrupted) {
			this.events.finishAbandoned(message.id(),
					new ChatEvent.Error("interrupted",
							"The instance generating this reply stopped; the reply ends with its last saved text",
							message.id(), "interrupted", message.content()));
		}
	}

	void checkpoint() {
		synchronized (this.checkpointing) {
			checkpointRegistered();
		}
	}

	private void interruptAbandoned() {
		if (!this.abandoned.isEmpty()) {
			List<UUID> ids = List.copyOf(this.abandoned);
			int interrupted = this.history.interrupt(ids);
			this.abandoned.removeAll(ids);
			log.warn("Marked {} replies that could not be stored as interrupted", interrupted);
		}
	}

	/**
	 * One batch for every running reply that received text since its last checkpoint, or
	 * whose lease is a quarter gone (replies still waiting for their first token, or for
	 * the database to store them, stay registered and are renewed so, before the stale
	 * check could interrupt them): a crash loses at most about one interval of a reply.
	 */
	private void checkpointRegistered() {
		long now = System.nanoTime();
		long renewAfter = this.properties.leaseTimeout().toNanos() / 4;
		List<RunningGeneration.Checkpoint> due = new ArrayList<>();
		for (RunningGeneration generation : this.registry.all()) {
			RunningGeneration.Checkpoint checkpoint = generation.checkpointDue(now, renewAfter);
			if (checkpoint != null) {
				due.add(checkpoint);
				this.locks.renew(generation.conversationId(), generation.lockHolder(), this.properties.leaseTimeout());
			}
		}
		if (due.isEmpty()) {
			return;
		}
		Map<UUID, String> partials = new LinkedHashMap<>();
		for (RunningGeneration.Checkpoint checkpoint : due) {
			partials.put(checkpoint.generation().id(), checkpoint.text());
		}
		this.history.checkpoint(partials);
		for (RunningGeneration.Checkpoint checkpoint : due) {
			checkpoint.generation().checkpointed(checkpoint);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
