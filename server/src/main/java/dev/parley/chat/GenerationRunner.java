package dev.parley.chat;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.ResolvedModel;
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

	GenerationRunner(GenerationEventLog events, GenerationFinisher finisher, ChatMetrics metrics) {
		this.events = events;
		this.finisher = finisher;
		this.metrics = metrics;
	}

	void launch(RunningGeneration generation, ResolvedModel model, List<ChatMessage> context,
			UpstreamLimiter.Permit permit) {
		this.metrics.generationStarted();
		Thread.ofVirtual()
			.name("generation-" + generation.id())
			.start(() -> run(generation, model, ChatRequest.of(model.model(), context), permit));
	}

	private void run(RunningGeneration generation, ResolvedModel model, ChatRequest request,
			UpstreamLimiter.Permit permit) {
		GenerationOutcome outcome;
		try (permit) {
			outcome = pull(generation, model, request);
		}
		catch (RuntimeException ex) {
			log.error("Generation {} failed unexpectedly", generation.id(), ex);
			outcome = GenerationOutcome.failed(new ProviderException(ProviderFailure.SERVER_ERROR,
					"Internal error while generating the reply", 0, null, ex));
		}
		this.finisher.finish(generation, request, outcome);
	}

	private GenerationOutcome pull(RunningGeneration generation, ResolvedModel model, ChatRequest request) {
		boolean first = true;
		try (CompletionStream stream = model.provider().stream(request)) {
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
					return GenerationOutcome.completed(finish.finishReason(), finish.usage());
				}
			}
		}
		catch (ProviderException ex) {
			return GenerationOutcome.failed(ex);
		}
	}

}
