package dev.parley.provider.routing;

import java.util.List;

import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.UpstreamLimiter;

/**
 * A stream through a route. Its first {@link #next()} walks the route until a target
 * sends its first event (failing over as it goes); after that it reads that target's
 * stream only, and a failure ends it. {@link #close()} cancels from any thread, also
 * during a back-off.
 */
final class FailoverStream implements RoutedStream {

	private final DefaultChatRouter router;

	private final List<RouteTarget> plan;

	private final ChatRequest request;

	private final Cancellation cancellation = new Cancellation();

	private volatile RouteTarget servedBy;

	private volatile int failovers;

	private volatile CompletionStream current;

	private volatile UpstreamLimiter.Permit permit;

	private ProviderException failed;

	FailoverStream(DefaultChatRouter router, List<RouteTarget> plan, ChatRequest request) {
		this.router = router;
		this.plan = plan;
		this.request = request;
		this.servedBy = plan.getFirst();
	}

	@Override
	public RouteTarget servedBy() {
		return this.servedBy;
	}

	@Override
	public int failovers() {
		return this.failovers;
	}

	@Override
	public StreamEvent next() {
		if (this.failed != null) {
			throw this.failed;
		}
		if (this.current == null) {
			StreamEvent event;
			try {
				event = this.router.walk(this.plan, this.cancellation, this::open);
			}
			catch (ProviderException ex) {
				this.failed = ex;
				throw ex;
			}
			if (event instanceof StreamEvent.Finish) {
				release();
			}
			return event;
		}
		try {
			StreamEvent event = this.current.next();
			if (event instanceof StreamEvent.Finish) {
				release();
			}
			return event;
		}
		catch (ProviderException ex) {
			release();
			this.router.failedMidStream(this.servedBy, ex);
			throw ex;
		}
	}

	/** One attempt: opens the target's stream and reads up to its first event. */
	private StreamEvent open(ChatProvider provider, RouteTarget target, int failovers, UpstreamLimiter.Permit slot) {
		this.servedBy = target;
		this.failovers = failovers;
		CompletionStream stream = provider.stream(this.request.withModel(target.model()));
		this.current = stream;
		if (this.cancellation.cancelled()) {
			stream.close();
		}
		try {
			StreamEvent event = stream.next();
			this.permit = slot;
			return event;
		}
		catch (ProviderException ex) {
			this.current = null;
			stream.close();
			throw ex;
		}
	}

	private void release() {
		UpstreamLimiter.Permit held = this.permit;
		if (held != null) {
			held.close();
		}
	}

	@Override
	public void close() {
		this.cancellation.cancel();
		CompletionStream stream = this.current;
		if (stream != null) {
			stream.close();
		}
		release();
	}

}
