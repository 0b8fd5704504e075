package dev.parley.chat.generation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProblem;
import dev.parley.chat.ChatProperties;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * The JSON (non-streaming) answers of the chat endpoints: both messages once the reply is
 * stored, or a 502 problem naming them when the provider failed.
 */
@Component
class ReplyResponses {

	private static final long STOP_WAIT_SECONDS = 10;

	private final ChatProperties properties;

	ReplyResponses(ChatProperties properties) {
		this.properties = properties;
	}

	ResponseEntity<Object> await(RunningGeneration generation) {
		Message reply = waitFor(generation, this.properties.replyTimeout().toMillis());
		if (reply.status() == MessageStatus.FAILED || reply.status() == MessageStatus.INTERRUPTED) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The model provider failed; the user message is stored and the reply was kept as '"
							+ reply.status().name().toLowerCase(java.util.Locale.ROOT) + "'");
			problem.setType(ChatProblem.UPSTREAM_FAILED.uri());
			problem.setTitle(ChatProblem.UPSTREAM_FAILED.title());
			problem.setProperty("user_message", generation.userMessage());
			problem.setProperty("assistant_message", reply);
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user_message", generation.userMessage());
		body.put("assistant_message", reply);
		return ResponseEntity.ok(body);
	}

	Message awaitStopped(RunningGeneration generation) {
		return waitFor(generation, TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
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
