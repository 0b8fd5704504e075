package dev.parley.chat.generation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatCommands;
import dev.parley.chat.ReplyGate;
import dev.parley.chat.SendMessageRequest;
import dev.parley.conversation.Message;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * {@link ChatCommands} through the very code of the REST routes: the request's
 * constraints as {@code @Valid} checks them, then {@link ChatService}; stop waits for the
 * stored reply as {@code POST .../stop} does.
 */
@Component
class DefaultChatCommands implements ChatCommands {

	private final ChatService chat;

	private final ReplyResponses replies;

	private final Validator validator;

	DefaultChatCommands(ChatService chat, ReplyResponses replies, Validator validator) {
		this.chat = chat;
		this.replies = replies;
		this.validator = validator;
	}

	@Override
	public SentMessage send(UUID conversationId, SendMessageRequest request) {
		validate(request);
		RunningGeneration generation = this.chat.send(conversationId, request, System.nanoTime());
		return new SentMessage(generation.conversationId(), generation.userMessage().id(), generation.id());
	}

	@Override
	public Message sendAndWait(UUID conversationId, SendMessageRequest request) {
		validate(request);
		return this.replies.awaitReply(this.chat.send(conversationId, request, System.nanoTime()));
	}

	@Override
	public SentMessage send(UUID conversationId, SendMessageRequest request, ReplyGate gate) {
		validate(request);
		ChatService.Sent sent = this.chat.send(conversationId, request, gate, System.nanoTime());
		return new SentMessage(conversationId, sent.userMessage().id(),
				(sent.generation() != null) ? sent.generation().id() : null);
	}

	@Override
	public void stopAny(UUID conversationId) {
		this.chat.stopAny(conversationId);
	}

	@Override
	public Message stop(UUID conversationId) {
		return this.replies.awaitStopped(this.chat.stop(conversationId));
	}

	/** The problem the REST advice answers for a body that breaks its constraints. */
	private void validate(SendMessageRequest request) {
		Set<ConstraintViolation<SendMessageRequest>> violations = this.validator.validate(request);
		if (violations.isEmpty()) {
			return;
		}
		List<FieldProblem> errors = violations.stream()
			.map((violation) -> new FieldProblem(snakeCase(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		String detail = String.join("; ",
				errors.stream().map((error) -> error.field() + ": " + error.message()).toList());
		throw new ProblemException(CommonProblem.INVALID_REQUEST, detail, errors);
	}

	private static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
