package dev.parley.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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

	void launch(RunningGeneration generation, Route route, ChatRequest request, UpstreamLimiter.Permit permit) {
		this.metrics.generationStarted();
		Thread.ofVirtual().name("generation-" + generation.id()).start(() -> run(generation, route, request, permit));
	}

	private void run(RunningGeneration generation, Route route, ChatRequest request, UpstreamLimiter.Permit permit) {
		GenerationOutcome outcome;
		try (permit) {
			outcome = pull(generation, route, request);
		}
		catch (RuntimeException ex) {
			log.error("Generation {} failed unexpectedly", generation.id(), ex);
			outcome = GenerationOutcome.failed(new ProviderException(ProviderFailure.SERVER_ERROR,
					"Internal error while generating the reply", 0, null, ex), route.primary());
		}
		this.finisher.finish(generation, request, outcome);
	}

	private GenerationOutcome pull(RunningGeneration generation, Route route, ChatRequest request) {
		boolean first = true;
		RoutedStream stream = this.router.stream(route, request);
		try (stream) {
			generation.attach(stream);
			while (true) {
				StreamEvent event = stream.next();
				if (event instanceof StreamEvent.Delta delta) {
					if (first) {
						this.metrics.firstToken(generation.acceptedAtNanos());
						first = false;
					}
					generation.append(delta.text());
					this.events.appendChunk(generation.id(), delta.text());
				}
				else if (event instanceof StreamEvent.Finish finish) {
					return GenerationOutcome.completed(finish.finishReason(), finish.usage(), stream.servedBy());
				}
			}
		}
		catch (ProviderException ex) {
			return GenerationOutcome.failed(ex, stream.servedBy());
		}
	}

}
