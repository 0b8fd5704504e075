package dev.parley.chat.generation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProblem;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.EventBatch;
import dev.parley.chat.GenerationEventLog;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import dev.parley.platform.problem.RetryLaterException;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;

/**
 * The JSON (non-streaming) answers of the chat endpoints: both messages once the reply is
 * stored, or a problem naming them when the provider failed: 429 with {@code Retry-After}
 * when every target was rate-limited, 502 otherwise.
 */
@Component
class ReplyResponses {

	private static final long STOP_WAIT_SECONDS = 10;

	private final ChatProperties properties;

	private final GenerationEventLog events;

	private final ChatHistory history;

	ReplyResponses(ChatProperties properties, GenerationEventLog events, ChatHistory history) {
		this.properties = properties;
		this.events = events;
		this.history = history;
	}

	ResponseEntity<Object> await(RunningGeneration generation) {
		Message reply = waitFor(generation, this.properties.replyTimeout().toMillis());
		if (failed(reply)) {
			ProviderException failure = generation.failure();
			boolean rateLimited = rateLimited(failure);
			ProblemType type = rateLimited ? ChatProblem.UPSTREAM_RATE_LIMITED : ChatProblem.UPSTREAM_FAILED;
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), failureDetail(reply, rateLimited));
			problem.setType(type.uri());
			problem.setTitle(type.title());
			problem.setProperty("user_message", generation.userMessage());
			problem.setProperty("assistant_message", reply);
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(type.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			if (rateLimited) {
				answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(failure)));
			}
			return answer.body(problem);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user_message", generation.userMessage());
		body.put("assistant_message", reply);
		return ResponseEntity.ok(body);
	}

	/**
	 * The reply once stored, as {@link #await} answers it, for channels that render it
	 * themselves: the same failures as problems (without the messages).
	 */
	Message awaitReply(RunningGeneration generation) {
		Message reply = waitFor(generation, this.properties.replyTimeout().toMillis());
		if (!failed(reply)) {
			return reply;
		}
		ProviderException failure = generation.failure();
		if (rateLimited(failure)) {
			throw new RetryLaterException(ChatProblem.UPSTREAM_RATE_LIMITED, failureDetail(reply, true),
					retryAfterSeconds(failure));
		}
		throw ProblemException.of(ChatProblem.UPSTREAM_FAILED, failureDetail(reply, false));
	}

	private static boolean failed(Message reply) {
		return reply.status() == MessageStatus.FAILED || reply.status() == MessageStatus.INTERRUPTED;
	}

	private static boolean rateLimited(@Nullable ProviderException failure) {
		return failure != null && failure.failure() == ProviderFailure.RATE_LIMITED;
	}

	private static String failureDetail(Message reply, boolean rateLimited) {
		return (rateLimited ? "The model providers are rate-limited" : "The model provider failed")
				+ "; the user message is stored and the reply was kept as '"
				+ reply.status().name().toLowerCase(java.util.Locale.ROOT) + "'";
	}

	/** The wait the providers asked for, in whole seconds (at least 1). */
	private static long retryAfterSeconds(ProviderException failure) {
		return (failure.retryAfter() != null) ? Math.max(1, (failure.retryAfter().toMillis() + 999) / 1000) : 1;
	}

	/** The stopped reply as stored, once its instance has stopped it. */
	Message awaitStopped(Stopping stopping) {
		RunningGeneration here = stopping.here();
		if (here != null) {
			return waitFor(here, TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
		}
		return awaitStoppedElsewhere(stopping);
	}

	/**
	 * Follows the generation's log to its end (its instance writes the reply before it
	 * ends the log), then reads the reply.
	 */
	private Message awaitStoppedElsewhere(Stopping stopping) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
		long position = -1;
		try {
			while (deadline - System.nanoTime() > 0) {
				EventBatch batch = this.events.read(stopping.generationId(), position, 1024,
						Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
				if (batch == null || batch.ended()) {
					break;
				}
				if (!batch.events().isEmpty()) {
					position = batch.events().get(batch.events().size() - 1).seq();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ProblemException.of(CommonProblem.INTERNAL, "Interrupted while waiting for the reply");
		}
		Message reply = this.history.requireMessage(stopping.conversationId(), stopping.generationId());
		if (reply.status() == MessageStatus.STREAMING) {
			throw ProblemException.of(ChatProblem.REPLY_TIMEOUT,
					"The reply is still being generated; follow it at /stream or read it later");
		}
		return reply;
	}

	private static Message waitFor(RunningGeneration generation, long millis) {
		try {
			return generation.done().get(millis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw ProblemException.of(ChatProblem.REPLY_TIMEOUT,
					"The reply is still being generated; follow it at /stream or read it later");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				// Why the reply could not be stored: its conversation is gone, or the
				// database is away (a 503), or another failure (an internal error).
				throw failure;
			}
			throw ProblemException.of(CommonProblem.INTERNAL, "The reply could not be stored");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ProblemException.of(CommonProblem.INTERNAL, "Interrupted while waiting for the reply");
		}
	}

}
