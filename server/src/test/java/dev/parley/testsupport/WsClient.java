package dev.parley.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client of Parley's {@code /ws} protocol over the JDK's
 * {@link java.net.http.WebSocket}, as a non-browser client would use it: JSON frames in
 * and out, the close code, pongs, and a paused mode that stops reading (a slow consumer:
 * the JDK reads from the connection only as frames are asked for). For a cluster test
 * through a load balancer as much as for one server.
 */
public final class WsClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PATIENCE = Eventually.PATIENCE;

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final AtomicInteger pongs = new AtomicInteger();

	private final AtomicBoolean paused;

	private final List<JsonNode> held = new ArrayList<>();

	private volatile WebSocket socket;

	private volatile String closeReason;

	private WsClient(boolean paused) {
		this.paused = new AtomicBoolean(paused);
	}

	/**
	 * Opens a socket to {@code uri} ({@code ws://host:port/ws?...}) with these headers.
	 */
	public static WsClient open(URI uri, Map<String, String> headers) {
		return open(uri, headers, false);
	}

	public static WsClient open(URI uri) {
		return open(uri, Map.of(), false);
	}

	/**
	 * Opens a socket; when {@code paused}, frames are not read (after the first) until
	 * {@link #resume()}.
	 */
	public static WsClient open(URI uri, Map<String, String> headers, boolean paused) {
		WsClient client = new WsClient(paused);
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(PATIENCE);
		headers.forEach(builder::header);
		try {
			client.socket = builder.buildAsync(uri, client.new Listener()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				throw new Refused(refused.getResponse().statusCode());
			}
			throw new IllegalStateException("could not open " + uri, ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("could not open " + uri, ex);
		}
		return client;
	}

	/** The upgrade was answered with an HTTP status instead of 101. */
	public static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		Refused(int status) {
			super("the upgrade was refused with HTTP " + status);
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	/**
	 * An upgrade request sent by hand (Origin and the like are headers the JDK client
	 * does not let a caller set), answered as status, headers and body: for refusals.
	 */
	public static Response handshake(String host, int port, String pathAndQuery, Map<String, String> headers) {
		try (RawSocket raw = RawSocket.open(host, port, pathAndQuery, headers)) {
			return raw.response();
		}
	}

	/**
	 * A WebSocket opened by hand over a plain TCP socket, which reads nothing until
	 * asked: a peer that neither reads nor answers pings (a dead one, to the server).
	 */
	public static final class RawSocket implements AutoCloseable {

		private final java.net.Socket socket;

		private final InputStream in;

		private final Response response;

		private RawSocket(java.net.Socket socket, InputStream in, Response response) {
			this.socket = socket;
			this.in = in;
			this.response = response;
		}

		/** Sends the upgrade and reads its answer (and the body of a refusal). */
		public static RawSocket open(String host, int port, String pathAndQuery, Map<String, String> headers) {
			try {
				java.net.Socket raw = new java.net.Socket(host, port);
				raw.setSoTimeout((int) PATIENCE.toMillis());
				StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\n");
				request.append("Host: ").append(host).append(':').append(port).append("\r\n");
				request.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
				request.append("Sec-WebSocket-Key: ")
					.append(Base64.getEncoder().encodeToString("parley-test-key!".getBytes(StandardCharsets.US_ASCII)))
					.append("\r\n");
				headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
				request.append("\r\n");
				OutputStream out = raw.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.UTF_8));
				out.flush();
				InputStream in = new java.io.BufferedInputStream(raw.getInputStream());
				return new RawSocket(raw, in, readResponse(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public Response response() {
			return this.response;
		}

		/**
		 * Reads the server's frames (skipping text and pings, answering nothing) up to
		 * its close frame; returns the close code, or -1 when the connection ended
		 * without one.
		 */
		public int awaitCloseCode() {
			try {
				while (true) {
					int first = this.in.read();
					if (first < 0) {
						return -1;
					}
					int second = this.in.read();
					long length = second & 0x7f;
					if (length == 126) {
						length = (this.in.read() << 8) | this.in.read();
					}
					else if (length == 127) {
						length = 0;
						for (int i = 0; i < 8; i++) {
							length = (length << 8) | this.in.read();
						}
					}
					byte[] payload = this.in.readNBytes((int) length);
					if ((first & 0x0f) == 0x8) {
						return (payload.length >= 2) ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
					}
				}
			}
			catch (IOException ex) {
				return -1;
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
		}

	}

	private static Response readResponse(InputStream in) throws IOException {
		String head = readLine(in);
		int status = Integer.parseInt(head.split(" ")[1]);
		Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(line.substring(0, colon).trim(), (key) -> new ArrayList<>())
					.add(line.substring(colon + 1).trim());
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (status != 101) {
			List<String> length = headers.get("Content-Length");
			List<String> encoding = headers.get("Transfer-Encoding");
			if (length != null) {
				body.write(in.readNBytes(Integer.parseInt(length.getFirst())));
			}
			else if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
				for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
					body.write(in.readNBytes(size));
					readLine(in);
				}
				readLine(in);
			}
		}
		return new Response(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true),
				body.toString(StandardCharsets.UTF_8));
	}

	private static int chunkSize(InputStream in) throws IOException {
		return Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/** Sends a JSON frame. */
	public WsClient send(String json) {
		join(this.socket.sendText(json, true));
		return this;
	}

	/** Sends a frame of these name/value pairs (strings, or nulls). */
	public WsClient sendFrame(String... pairs) {
		var node = JSON.createObjectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] == null) {
				node.putNull(pairs[i]);
			}
			else {
				node.put(pairs[i], pairs[i + 1]);
			}
		}
		return send(node.toString());
	}

	/** Sends a WebSocket ping frame (the server answers with a pong). */
	public WsClient ping() {
		join(this.socket.sendPing(ByteBuffer.allocate(0)));
		return this;
	}

	/** Sends a frame of raw bytes. */
	public WsClient sendBinary(byte[] bytes) {
		join(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
		return this;
	}

	public int pongs() {
		return this.pongs.get();
	}

	/**
	 * The next frame (first those that a {@link #next(Predicate, String)} passed over),
	 * waiting for it; null when the socket closed first.
	 */
	public JsonNode next() {
		if (!this.held.isEmpty()) {
			return this.held.removeFirst();
		}
		return receive();
	}

	private JsonNode receive() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		try {
			while (true) {
				JsonNode frame = this.frames.poll(20, TimeUnit.MILLISECONDS);
				if (frame != null) {
					return frame;
				}
				if (this.closed.isDone()) {
					// every frame arrived before the close
					return this.frames.poll();
				}
				if (System.nanoTime() - deadline > 0) {
					throw new AssertionError("no frame within " + PATIENCE + "; held " + this.held);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame of this {@code type}; the others stay for {@link #next()}. */
	public JsonNode next(String type) {
		return next((frame) -> type.equals(frame.path("type").asString()), "a '" + type + "' frame");
	}

	/**
	 * The next frame that matches, waiting for it; the frames passed over stay, in order,
	 * for the next calls. Fails when none comes.
	 */
	public JsonNode next(Predicate<JsonNode> matching, String what) {
		for (int i = 0; i < this.held.size(); i++) {
			if (matching.test(this.held.get(i))) {
				return this.held.remove(i);
			}
		}
		while (true) {
			JsonNode frame = receive();
			if (frame == null) {
				throw new AssertionError(
						"the socket closed (" + closeCodeNow() + ") before " + what + "; passed over " + this.held);
			}
			if (matching.test(frame)) {
				return frame;
			}
			this.held.add(frame);
		}
	}

	/**
	 * Every frame up to the point where a frame of each of {@code types} has come, in the
	 * order they came.
	 */
	public List<JsonNode> untilSeen(String... types) {
		List<String> missing = new ArrayList<>(List.of(types));
		List<JsonNode> seen = new ArrayList<>();
		while (!missing.isEmpty()) {
			JsonNode frame = next();
			if (frame == null) {
				throw new AssertionError(
						"the socket closed (" + closeCodeNow() + ") before " + missing + "; saw " + seen);
			}
			seen.add(frame);
			missing.remove(frame.path("type").asString());
		}
		return seen;
	}

	/** The first of {@code frames} of this type. */
	public static JsonNode first(List<JsonNode> frames, String type) {
		return frames.stream()
			.filter((frame) -> type.equals(frame.path("type").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no '" + type + "' frame in " + frames));
	}

	/** The frames of {@code frames} that are reply events of {@code conversationId}. */
	public static List<JsonNode> replyEvents(List<JsonNode> frames, String conversationId) {
		return frames.stream()
			.filter((frame) -> conversationId.equals(frame.path("conversation_id").asString()) && frame.has("id")
					&& frame.has("data"))
			.toList();
	}

	/**
	 * The frames of one reply of {@code conversationId}, from the next {@code start} (or
	 * the first event) up to and including its {@code end} or {@code error}; frames of
	 * other kinds and conversations are skipped.
	 */
	public List<JsonNode> reply(String conversationId) {
		List<JsonNode> events = new ArrayList<>();
		while (true) {
			JsonNode frame = next((candidate) -> conversationId.equals(candidate.path("conversation_id").asString())
					&& candidate.has("id") && candidate.has("data"), "a reply event of " + conversationId);
			events.add(frame);
			String type = frame.path("type").asString();
			if (type.equals("end") || type.equals("error")) {
				return events;
			}
		}
	}

	/** The text of a reply's chunks, joined. */
	public static String text(List<JsonNode> events) {
		StringBuilder text = new StringBuilder();
		for (JsonNode event : events) {
			if ("chunk".equals(event.path("type").asString())) {
				text.append(event.path("data").path("content").asString());
			}
		}
		return text.toString();
	}

	/** Starts reading again after a paused open. */
	public void resume() {
		if (this.paused.compareAndSet(true, false)) {
			this.socket.request(Long.MAX_VALUE);
		}
	}

	/** The close code, waiting for the close; reads on (and drops) frames meanwhile. */
	public int awaitClose() {
		resume();
		try {
			return this.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new AssertionError("the socket did not close within " + PATIENCE, ex);
		}
	}

	/** The close code if the socket closed; -1 while it is open. */
	public int closeCodeNow() {
		return this.closed.isDone() ? this.closed.join() : -1;
	}

	public String closeReason() {
		return this.closeReason;
	}

	/** Frames received and not read yet. */
	public int buffered() {
		return this.frames.size() + this.held.size();
	}

	@Override
	public void close() {
		if (!this.closed.isDone() && !this.socket.isOutputClosed()) {
			try {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException | ExecutionException | TimeoutException ex) {
				// closing anyway
			}
		}
		this.socket.abort();
	}

	private static void join(CompletableFuture<?> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("send failed", ex.getCause());
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				WsClient.this.frames.add(JSON.readTree(text));
			}
			if (!WsClient.this.paused.get()) {
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
			WsClient.this.pongs.incrementAndGet();
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			WsClient.this.closeReason = reason;
			WsClient.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			WsClient.this.closed.complete(-2);
		}

	}

}
