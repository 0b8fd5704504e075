package dev.parley.chat.generation;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.SendMessageRequest;
import dev.parley.chat.SseResponses;
import dev.parley.chat.stream.EventStreamWriter;
import dev.parley.conversation.Message;

/**
 * Sending messages, regenerating and stopping replies. Each send answers as an SSE stream
 * when the client accepts {@code text/event-stream}, otherwise as one JSON document once
 * the reply is done.
 */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}")
class ChatController {

	private final ChatService chat;

	private final EventStreamWriter writer;

	private final SseResponses sse;

	private final ReplyResponses replies;

	ChatController(ChatService chat, EventStreamWriter writer, SseResponses sse, ReplyResponses replies) {
		this.chat = chat;
		this.writer = writer;
		this.sse = sse;
		this.replies = replies;
	}

	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void sendStreaming(@PathVariable UUID conversationId, @Valid @RequestBody SendMessageRequest body,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		long accepted = System.nanoTime();
		stream(this.chat.send(conversationId, body, accepted), request, response);
	}

	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> send(@PathVariable UUID conversationId, @Valid @RequestBody SendMessageRequest request) {
		return this.replies.await(this.chat.send(conversationId, request, System.nanoTime()));
	}

	@PostMapping(path = "/messages/{messageId}/regenerate", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void regenerateStreaming(@PathVariable UUID conversationId, @PathVariable UUID messageId,
			@Valid @RequestBody(required = false) RegenerateRequest body, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		long accepted = System.nanoTime();
		stream(this.chat.regenerate(conversationId, messageId, body, accepted), request, response);
	}

	@PostMapping(path = "/messages/{messageId}/regenerate", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> regenerate(@PathVariable UUID conversationId, @PathVariable UUID messageId,
			@Valid @RequestBody(required = false) RegenerateRequest request) {
		return this.replies.await(this.chat.regenerate(conversationId, messageId, request, System.nanoTime()));
	}

	/** Stops the running reply and answers with it as stored ({@code stopped}). */
	@PostMapping(path = "/stop", produces = MediaType.APPLICATION_JSON_VALUE)
	Message stop(@PathVariable UUID conversationId) {
		return this.replies.awaitStopped(this.chat.stop(conversationId));
	}

	private void stream(RunningGeneration generation, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.sse.start(request, response, (out) -> this.writer.follow(out, generation.id(), -1));
	}

}
