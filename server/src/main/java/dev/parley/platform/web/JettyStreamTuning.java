package dev.parley.platform.web;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.stereotype.Component;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Sizes Jetty's per-response output buffer for many small, flushed writes: an SSE stream
 * writes frames of a few hundred bytes and flushes each, so the default 32 KB buffer held
 * by every open stream would be mostly empty. Also makes Jetty's own errors (such as 431
 * for oversized headers) problem+json.
 */
@Component
class JettyStreamTuning implements JettyServerCustomizer {

	static final int OUTPUT_BUFFER_SIZE = 4096;

	private final ProblemResponses problems;

	private final IdGenerator ids;

	JettyStreamTuning(ProblemResponses problems, IdGenerator ids) {
		this.problems = problems;
		this.ids = ids;
	}

	@Override
	public void customize(org.eclipse.jetty.server.Server server) {
		server.setErrorHandler(new ProblemJettyErrorHandler(this.problems, new RequestIds(this.ids)));
		for (var connector : server.getConnectors()) {
			HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
			if (http != null) {
				HttpConfiguration configuration = http.getHttpConfiguration();
				configuration.setOutputBufferSize(OUTPUT_BUFFER_SIZE);
				configuration.setOutputAggregationSize(OUTPUT_BUFFER_SIZE / 4);
				// The per-connection header cache is a trie of several KB; a held stream
				// keeps it.
				configuration.setHeaderCacheSize(0);
			}
		}
	}

}
