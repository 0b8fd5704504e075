package dev.parley.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ChatRouter;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.UpstreamLimiter;

/**
 * Streams a gateway answer as OpenAI chunks. Nothing is written until the router has the
 * first event, so a call that fails before its first token is still an HTTP error; then
 * the response goes async and a virtual thread of its own relays the rest, flushing each
 * frame. The client going away closes the upstream call.
 */
@Component
class GatewayStreams {

	private static final Logger log = LoggerFactory.getLogger(GatewayStreams.class);

	private final ChatRouter router;

	private final UpstreamLimiter limiter;

	private final GatewayService service;

	private final TokenCount tokens;

	private final JsonMapper json = JsonMapper.builder().build();

	GatewayStreams(ChatRouter router, UpstreamLimiter limiter, GatewayService service, TokenCount tokens) {
		this.router = router;
		this.limiter = limiter;
		this.service = service;
		this.tokens = tokens;
	}

	/**
	 * Starts the call and, once its first event is there, the SSE response.
	 * @throws dev.parley.platform.problem.ProblemException when no slot is free or the
	 * call failed before its first event
	 */
	void start(GatewayCall call, HttpServletRequest request, HttpServletResponse response) throws IOException {
		UpstreamLimiter.Permit permit = this.limiter.acquire();
		RoutedStream stream = null;
		StreamEvent first;
		try {
			stream = this.router.stream(call.route(), call.request());
			first = stream.next();
		}
		catch (ProviderException ex) {
			close(stream, permit);
			throw UpstreamProblems.before(ex);
		}
		catch (RuntimeException ex) {
			close(stream, permit);
			throw ex;
		}
		AsyncContext async;
		OutputStream out;
		try {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader("Cache-Control", "no-cache, no-transform");
			response.setHeader("X-Accel-Buffering", "no");
			out = response.getOutputStream();
			async = request.startAsync(request, response);
			async.setTimeout(0);
		}
		catch (IOException | RuntimeException ex) {
			close(stream, permit);
			throw ex;
		}
		RoutedStream started = stream;
		async.addListener(new Cancel(started));
		Thread.ofVirtual()
			.name("gateway-stream")
			.start(() -> relay(call, started, first, permit, new StreamRelay(call, frames(call), this.tokens), out,
					async));
	}

	private ChunkFrames frames(GatewayCall call) {
		return new ChunkFrames(this.json, call.id(), call.createdSeconds(), call.requested().model(),
				call.requested().includeUsage());
	}

	private void relay(GatewayCall call, RoutedStream stream, StreamEvent first, UpstreamLimiter.Permit permit,
			StreamRelay relay, OutputStream out, AsyncContext async) {
		try {
			relay.run(stream, first, out);
		}
		catch (RuntimeException ex) {
			log.warn("Gateway stream {} failed", call.id(), ex);
		}
		finally {
			close(stream, permit);
			this.service.charge(call, relay.reported(), relay.text());
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
