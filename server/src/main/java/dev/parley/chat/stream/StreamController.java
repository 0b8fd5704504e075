package dev.parley.chat.stream;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.FeedPosition;
import dev.parley.chat.SseResponses;

/**
 * {@code GET /api/v1/conversations/{id}/stream}: follows the running reply, or waits for
 * the next one; with {@code Last-Event-ID} it resumes right after that event, with no gap
 * and no duplicate.
 */
@RestController
class StreamController {

	private final ReplyFollower follower;

	private final EventStreamWriter writer;

	private final SseResponses sse;

	StreamController(ReplyFollower follower, EventStreamWriter writer, SseResponses sse) {
		this.follower = follower;
		this.writer = writer;
		this.sse = sse;
	}

	@GetMapping(path = "/api/v1/conversations/{conversationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void stream(@PathVariable UUID conversationId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "last_event_id", required = false) String lastEventParam, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String resumeFrom = (lastEventId != null && !lastEventId.isBlank()) ? lastEventId : lastEventParam;
		FeedPosition position = this.follower.position(conversationId, resumeFrom);
		this.sse.start(request, response, (out) -> {
			out.flush();
			this.follower.follow(position, this.writer.sink(out), false);
		});
	}

}
