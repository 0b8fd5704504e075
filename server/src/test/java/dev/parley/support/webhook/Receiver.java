package dev.parley.support.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver for tests: the JDK's HTTP server on 127.0.0.1 that records
 * every request and answers each with the status {@code answers} gives for its number (0
 * for the first), after {@code delayMillis}.
 */
final class Receiver implements AutoCloseable {

	/** One request as it arrived. */
	record Request(Instant at, String method, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.getFirst() : null;
		}

	}

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger count = new AtomicInteger();

	private volatile IntUnaryOperator answers;

	private final long delayMillis;

	private Receiver(IntUnaryOperator answers, long delayMillis) {
		this.answers = answers;
		this.delayMillis = delayMillis;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** A receiver answering {@code answers.applyAsInt(n)} to its nth request. */
	static Receiver answering(IntUnaryOperator answers) {
		return new Receiver(answers, 0);
	}

	/** A receiver answering 200 to every request, each after {@code delayMillis}. */
	static Receiver slow(long delayMillis) {
		return new Receiver((n) -> 200, delayMillis);
	}

	/** Answers the next requests this way instead. */
	void answer(IntUnaryOperator answers) {
		this.answers = answers;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/parley?source=test";
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		int n = this.count.getAndIncrement();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(exchange.getRequestHeaders());
		this.requests.add(new Request(Instant.now(), exchange.getRequestMethod(), headers, body));
		if (this.delayMillis > 0) {
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		exchange.sendResponseHeaders(this.answers.applyAsInt(n), -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
