package dev.parley.chat.generation;

import dev.parley.cache.CachedReply;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;

/**
 * A reply from the response cache, played as a stream: its whole text as one delta, then
 * its finish. No upstream is called.
 */
final class CachedReplyStream implements RoutedStream {

	private final CachedReply reply;

	private final RouteTarget servedBy;

	private int position;

	private volatile boolean closed;

	CachedReplyStream(CachedReply reply, RouteTarget planned) {
		this.reply = reply;
		this.servedBy = new RouteTarget((reply.provider() != null) ? reply.provider() : planned.providerId(),
				(reply.model() != null) ? reply.model() : planned.model(), 0);
	}

	@Override
	public RouteTarget servedBy() {
		return this.servedBy;
	}

	@Override
	public StreamEvent next() {
		if (this.closed) {
			throw new ProviderException(ProviderFailure.CANCELLED, "the reply was stopped");
		}
		this.position++;
		if (this.position == 1 && !this.reply.content().isEmpty()) {
			return new StreamEvent.Delta(this.reply.content());
		}
		return new StreamEvent.Finish((this.reply.finishReason() != null) ? this.reply.finishReason() : "stop",
				new Usage(this.reply.promptTokens(), this.reply.completionTokens()));
	}

	@Override
	public void close() {
		this.closed = true;
	}

}
