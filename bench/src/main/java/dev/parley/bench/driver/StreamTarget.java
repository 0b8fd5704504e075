package dev.parley.bench.driver;

import java.io.IOException;
import java.net.http.HttpRequest;

/** One side of the comparison: how to open a stream and how to read its lines. */
sealed interface StreamTarget permits DirectTarget, ParleyTarget {

	/** The name the report uses ("direct" or "Parley"). */
	String name();

	/**
	 * Builds the request for one stream, taking whatever it needs (a conversation) from a
	 * pool.
	 * @throws HttpStatusException if preparing the request got an HTTP error
	 */
	Lease open(StreamShape shape) throws IOException, InterruptedException;

	/** Classifies one line of the stream body. */
	SseFrames.Kind classify(byte[] b, int off, int len);

	/**
	 * Checks the frame that ended a stream successfully.
	 * @return null if the stream is complete, otherwise why not
	 */
	String endProblem(String endLine);

	/**
	 * A request ready to send and what to give back once its stream is over.
	 *
	 * @param request the streaming request
	 * @param conversationId the conversation it runs in, or null
	 */
	record Lease(HttpRequest request, String conversationId) {
	}

	/** Gives back what {@link #open} took, once the stream is over. */
	void close(Lease lease);

}
