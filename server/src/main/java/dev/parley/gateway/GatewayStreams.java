package dev.parley.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.cache.CachedReply;
import dev.parley.platform.json.StorageJson;
import dev.parley.provider.ChatRouter;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.UpstreamLimiter;
import dev.parley.provider.Usage;

/**
 * Streams a gateway answer in the frames of the client's protocol (OpenAI chunks by
 * default). Nothing is written until the router has the first event, so a call that fails
 * before its first token is still an HTTP error; then the response goes async and a
 * virtual thread of its own relays the rest, flushing each frame. The client going away
 * closes the upstream call. When the call's agent caches replies, a cached reply is
 * streamed at once without calling upstream, and a whole text reply is kept for the next
 * identical call.
 */
@Component
public class GatewayStreams {

	private static final Logger log = LoggerFactory.getLogger(GatewayStreams.class);

	private final ChatRouter router;

	private final UpstreamLimiter limiter;

	private final GatewayService service;

	private final TokenCounter tokens;

	private final JsonMapper json;

	GatewayStreams(ChatRouter router, UpstreamLimiter limiter, GatewayService service, TokenCounter tokens,
			@StorageJson JsonMapper json) {
		this.router = router;
		this.limiter = limiter;
		this.service = service;
		this.tokens = tokens;
		this.json = json;
	}

	/**
	 * Starts the call and, once its first event is there, the SSE response in OpenAI's
	 * chunks.
	 * @throws dev.parley.platform.problem.ProblemException when no slot is free or the
	 * call failed before its first event
	 */
	void start(GatewayCall call, HttpServletRequest request, HttpServletResponse response) throws IOException {
		start(call, (cached) -> new ChunkFrames(this.json, call.id(), call.createdSeconds(), call.requested().model(),
				call.requested().includeUsage(), cached), request, response);
	}

	/**
	 * Starts the call and, once its first event is there, the SSE response in the frames
	 * {@code format} makes.
	 * @throws dev.parley.platform.problem.ProblemException when no slot is free or the
	 * call failed before its first event
	 */
	public void start(GatewayCall call, AnswerFrames.Factory format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<CachedReply> hit = this.service.cachedReply(call);
		if (hit.isPresent()) {
			replay(hit.get(), format.frames(true), response);
			return;
		}
		UpstreamLimiter.Permit permit = this.limiter.acquire();
		RoutedStream stream = null;
		StreamEvent first;
		try {
			stream = this.router.stream(call.route(), call.request());
			first = stream.next();
		}
		catch (ProviderException ex) {
			close(stream, permit);
			this.service.failed(call, GatewayOutcome.failedBefore(call.route(), ex,
					(stream != null) ? new GatewayOutcome.RoutedTry(stream.servedBy(), stream.failovers()) : null));
			throw UpstreamProblems.before(ex);
		}
		catch (RuntimeException ex) {
			close(stream, permit);
			throw ex;
		}
		AsyncContext async;
		OutputStream out;
		try {
			out = eventStream(response);
			// Committed here, on the request's thread: the filters still on their way
			// out (security headers) must not change headers while the relay writes.
			response.flushBuffer();
			async = request.startAsync(request, response);
			async.setTimeout(0);
		}
		catch (IOException | RuntimeException ex) {
			close(stream, permit);
			throw ex;
		}
		RoutedStream started = stream;
		Long firstTokenAt = (first instanceof StreamEvent.Finish) ? null : System.nanoTime();
		async.addListener(new Cancel(started));
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		Thread.ofVirtual().name("gateway-stream").start(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			relay(call, started, first, permit, new StreamRelay(call, format.frames(false), this.tokens), out, async,
					firstTokenAt);
		});
	}

	/** A cached reply as one piece of text, then the finish. */
	private static void replay(CachedReply reply, AnswerFrames frames, HttpServletResponse response)
			throws IOException {
		OutputStream out = eventStream(response);
		try {
			out.write(frames.start());
			out.write(frames.text(reply.content()));
			out.write(frames.finish(reply.finishReason(), new Usage(reply.promptTokens(), reply.completionTokens())));
			out.flush();
		}
		catch (IOException ex) {
			// the client went away; nothing was called or charged
		}
	}

	private static OutputStream eventStream(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache, no-transform");
		response.setHeader("X-Accel-Buffering", "no");
		return response.getOutputStream();
	}

	private void relay(GatewayCall call, RoutedStream stream, StreamEvent first, UpstreamLimiter.Permit permit,
			StreamRelay relay, OutputStream out, AsyncContext async, @Nullable Long firstTokenAt) {
		try {
			relay.run(stream, first, out);
		}
		catch (RuntimeException ex) {
			log.warn("Gateway stream {} failed", call.id(), ex);
		}
		finally {
			close(stream, permit);
			Usage used = relay.usage();
			this.service.charge(call, used,
					GatewayOutcome.served(stream.servedBy(), stream.failovers(), relay.status(), firstTokenAt));
			if (relay.completeText()) {
				this.service.remember(call, relay.text().toString(), relay.finishReason(), used, stream.servedBy());
			}
			try {
				async.complete();
			}
			catch (IllegalStateException ex) {
				// already completed by the container (client gone)
			}
		}
	}

	private static void close(RoutedStream stream, UpstreamLimiter.Permit permit) {
		try {
			if (stream != null) {
				stream.close();
			}
		}
		finally {
			permit.close();
		}
	}

	/** Cancels the upstream call when the container gives up on the response. */
	private record Cancel(RoutedStream stream) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.stream.close();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.stream.close();
		}

		@Override
		public void onError(AsyncEvent event) {
			this.stream.close();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// not used
		}

	}

}
