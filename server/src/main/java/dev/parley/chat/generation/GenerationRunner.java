package dev.parley.chat.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatMetrics;
import dev.parley.chat.GenerationEventLog;
import dev.parley.platform.logging.LogContext;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ChatRouter;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Route;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.UpstreamLimiter;

/**
 * Runs a generation on its own virtual thread, independent of any HTTP connection: pulls
 * the provider's stream into the event log, then hands the outcome to
 * {@link GenerationFinisher}.
 */
@Component
class GenerationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);

	private final GenerationEventLog events;

	private final GenerationFinisher finisher;

	private final ChatMetrics metrics;

	private final ChatRouter router;

	GenerationRunner(GenerationEventLog events, GenerationFinisher finisher, ChatMetrics metrics, ChatRouter router) {
		this.events = events;
		this.finisher = finisher;
		this.metrics = metrics;
		this.router = router;
	}

	/**
	 * Starts the generation's own thread.
	 * @param caching the reply cache entry to read or fill, or null when the cache is off
	 */
	void launch(RunningGeneration generation, Route route, ChatRequest request, UpstreamLimiter.Permit permit,
			ReplyCaching caching) {
		this.metrics.generationStarted();
		Thread.ofVirtual()
			.name("generation-" + generation.id())
			.start(LogContext.carrying(() -> run(generation, route, request, permit, caching),
					LogContext.CONVERSATION_ID, generation.conversationId().toString(), LogContext.GENERATION_ID,
					generation.id().toString()));
	}

	private void run(RunningGeneration generation, Route route, ChatRequest request, UpstreamLimiter.Permit permit,
			ReplyCaching caching) {
		GenerationOutcome outcome;
		try (permit) {
			RoutedStream stream = (caching != null && caching.hit() != null)
					? new CachedReplyStream(caching.hit(), route.primary()) : this.router.stream(route, request);
			outcome = pull(generation, stream);
		}
		catch (RuntimeException ex) {
			log.error("Generation {} failed unexpectedly", generation.id(), ex);
			outcome = GenerationOutcome.failed(new ProviderException(ProviderFailure.SERVER_ERROR,
					"Internal error while generating the reply", 0, null, ex), route.primary(), 0);
		}
		generation.failedWith(outcome.failure());
		this.finisher.finish(generation, request, outcome, caching);
	}

	private GenerationOutcome pull(RunningGeneration generation, RoutedStream stream) {
		boolean first = true;
		boolean cached = stream instanceof CachedReplyStream;
		try (stream) {
			generation.attach(stream);
			while (true) {
				StreamEvent event = stream.next();
				if (event instanceof StreamEvent.Delta delta) {
					if (first) {
						generation.firstToken(System.nanoTime());
						this.metrics.firstToken(generation.acceptedAtNanos());
						first = false;
					}
					generation.append(delta.text());
					this.events.appendChunk(generation.id(), delta.text());
				}
				else if (event instanceof StreamEvent.Finish finish) {
					return GenerationOutcome.completed(finish.finishReason(), finish.usage(), stream.servedBy(),
							stream.failovers(), cached);
				}
			}
		}
		catch (ProviderException ex) {
			return GenerationOutcome.failed(ex, stream.servedBy(), stream.failovers());
		}
	}

}
