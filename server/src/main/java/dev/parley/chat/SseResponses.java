package dev.parley.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Serves an SSE response from a virtual thread of its own, in servlet async mode: the
 * request's thread returns at once, so a held stream costs a shallow parked thread
 * instead of one parked under the whole filter and dispatcher stack. The chat's streams
 * and other features' (the support widget's) are served by it alike.
 */
@Component
public class SseResponses {

	private static final Logger log = LoggerFactory.getLogger(SseResponses.class);

	/** The reconnection delay a stream tells its client first. */
	private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

	private final ChatMetrics metrics;

	SseResponses(ChatMetrics metrics) {
		this.metrics = metrics;
	}

	/** What a stream writes; an IOException means the client went away. */
	@FunctionalInterface
	public interface Body {

		void write(OutputStream out) throws IOException, InterruptedException;

	}

	/**
	 * Sends the SSE headers (committing the response on the request's thread) and hands
	 * the rest of the response to {@code body} on its own thread.
	 */
	public void start(HttpServletRequest request, HttpServletResponse response, Body body) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache, no-transform");
		response.setHeader("X-Accel-Buffering", "no");
		OutputStream out = response.getOutputStream();
		out.write(RETRY);
		// Committed here, on the request's thread: the filters still on their way out
		// (security headers) must not change headers while the stream's own thread
		// writes.
		out.flush();
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(0);
		Thread.ofVirtual().name("sse-stream").start(() -> run(async, out, body));
	}

	private void run(AsyncContext async, OutputStream out, Body body) {
		this.metrics.subscriberOpened();
		try {
			body.write(out);
		}
		catch (IOException ex) {
			// The client went away; the generation goes on without it.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("An event stream failed", ex);
		}
		finally {
			this.metrics.subscriberClosed();
			try {
				async.complete();
			}
			catch (IllegalStateException ex) {
				// already completed by the container (client gone)
			}
		}
	}

}
