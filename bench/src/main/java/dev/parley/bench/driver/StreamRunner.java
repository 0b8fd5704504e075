package dev.parley.bench.driver;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Runs one stream on the calling (virtual) thread and records its outcome. Latencies are
 * measured from the stream's scheduled start, not from when the request was sent, so a
 * late driver or a slow server cannot hide queueing (no coordinated omission).
 */
final class StreamRunner {

	private final ClientGroup clients;

	private final StreamRegistry registry;

	StreamRunner(ClientGroup clients, StreamRegistry registry) {
		this.clients = clients;
		this.registry = registry;
	}

	/**
	 * Starts one stream.
	 * @param scheduledNanos the {@link System#nanoTime()} at which the stream was due
	 * @param inFlight counts streams from their scheduled start to their end
	 * @param open counts streams from their 200 response to their end
	 */
	void run(StreamTarget target, StreamShape shape, long scheduledNanos, PhaseStats stats, Gauge inFlight,
			Gauge open) {
		stats.started();
		inFlight.increment();
		StreamTarget.Lease lease = null;
		SseSubscriber stream = null;
		try {
			lease = target.open(shape);
			stream = new SseSubscriber(target, open);
			this.registry.register(stream);
			this.clients.next().send(lease.request(), stream.handler());
			stream.report(scheduledNanos, stats);
		}
		catch (HttpStatusException ex) {
			stats.httpStatus(ex.status(), ex.getMessage());
		}
		catch (HttpConnectTimeoutException ex) {
			stats.connectFailure("connect timeout");
		}
		catch (HttpTimeoutException ex) {
			stats.timeout("no response headers in time");
		}
		catch (IOException ex) {
			failed(stream, stats, ex);
		}
		catch (InterruptedException ex) {
			stats.timeout("interrupted at the phase deadline");
		}
		finally {
			inFlight.decrement();
			if (stream != null) {
				this.registry.unregister(stream);
				stream.closed();
			}
			if (lease != null) {
				target.close(lease);
			}
		}
	}

	private static void failed(SseSubscriber stream, PhaseStats stats, IOException ex) {
		if (stream == null || !stream.responded()) {
			stats.connectFailure(String.valueOf(ex));
		}
		else if (stream.abandoned()) {
			stats.timeout("still streaming at the phase deadline after " + stream.tokens() + " tokens");
		}
		else {
			stats.dropped(ex + " after " + stream.tokens() + " tokens");
		}
	}

}
