package dev.parley.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP upstream for {@link PrivateNginxIT}: the JDK's server on 127.0.0.1, which
 * records every request it gets and answers {@code 200 served by <name>}, or, for a path
 * ending in {@code /events}, an event stream whose second event is written only once
 * {@link #releaseSecondEvent()} is called.
 */
final class RecordingUpstream implements AutoCloseable {

	/** A request as the upstream received it (header names in lower case). */
	record Received(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values == null || values.isEmpty()) ? null : String.join(",", values);
		}

	}

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final CountDownLatch secondEvent = new CountDownLatch(1);

	private RecordingUpstream(String name, HttpServer server) {
		this.name = name;
		this.server = server;
	}

	static RecordingUpstream start(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			RecordingUpstream upstream = new RecordingUpstream(name, server);
			server.createContext("/", upstream::handle);
			server.setExecutor(upstream.executor);
			server.start();
			return upstream;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Lets every event stream held now or later write its second event. */
	void releaseSecondEvent() {
		this.secondEvent.countDown();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), values));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received
				.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
			String accept = exchange.getRequestHeaders().getFirst("Accept");
			if (accept != null && accept.contains("text/event-stream")) {
				stream(exchange);
				return;
			}
			byte[] answer = ("served by " + this.name).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	/**
	 * Writes one event, then the second once released: a client that sees the first
	 * before the release proves that nothing between holds the stream back.
	 */
	private void stream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		if (exchange.getRequestURI().getPath().contains("/accel/")) {
			exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
		}
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		try {
			if (!this.secondEvent.await(60, TimeUnit.SECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		out.write("id: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() {
		releaseSecondEvent();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
