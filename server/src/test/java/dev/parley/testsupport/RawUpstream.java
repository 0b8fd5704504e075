package dev.parley.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upstream on a plain socket for {@link PrivateNginxIT}, for what the JDK's HTTP
 * server cannot do: one that reads each request whole and then drops the connection
 * without an answer (an instance that dies mid-request), and one that accepts a WebSocket
 * upgrade and echoes text frames. Each records the requests it read, head and body.
 */
final class RawUpstream implements AutoCloseable {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

	private static final Pattern WEBSOCKET_KEY = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)");

	/** What it does once it has read a request. */
	enum Behaviour {

		/** Closes the connection without a byte of answer. */
		DROP,

		/** Answers {@code 101} and echoes the client's text frames. */
		WEBSOCKET_ECHO

	}

	private final ServerSocket socket;

	private final Behaviour behaviour;

	private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

	private RawUpstream(ServerSocket socket, Behaviour behaviour) {
		this.socket = socket;
		this.behaviour = behaviour;
	}

	static RawUpstream start(Behaviour behaviour) {
		try {
			RawUpstream upstream = new RawUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
					behaviour);
			Thread.ofVirtual().start(upstream::accept);
			return upstream;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** Each request read so far: its head (request line and headers), then its body. */
	List<String> received() {
		return List.copyOf(this.received);
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				Thread.ofVirtual().start(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = connection.getInputStream();
			String head = readHead(in);
			Matcher length = CONTENT_LENGTH.matcher(head);
			String body = length.find()
					? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8) : "";
			this.received.add(head + body);
			if (this.behaviour == Behaviour.WEBSOCKET_ECHO) {
				echo(head, in, connection.getOutputStream());
			}
		}
		catch (IOException ex) {
			// the connection went away: nothing to answer
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("connection closed before the end of the request head");
			}
			head.write(next);
			matched = (next == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static void echo(String head, InputStream in, OutputStream out) throws IOException {
		Matcher key = WEBSOCKET_KEY.matcher(head);
		if (!key.find() || !head.toLowerCase(Locale.ROOT).contains("upgrade: websocket")) {
			out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			return;
		}
		out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		DataInputStream frames = new DataInputStream(in);
		while (true) {
			int first = frames.readUnsignedByte();
			int second = frames.readUnsignedByte();
			int length = second & 0x7f;
			if (length == 126) {
				length = frames.readUnsignedShort();
			}
			else if (length == 127) {
				throw new IOException("frame too large for this test upstream");
			}
			byte[] mask = frames.readNBytes(4);
			byte[] payload = frames.readNBytes(length);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			int opcode = first & 0x0f;
			writeFrame(out, opcode, payload);
			if (opcode == 0x8) {
				return;
			}
		}
	}

	/** An unmasked final frame, as a server sends it (payloads below 64 KB). */
	private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
		out.write(0x80 | opcode);
		if (payload.length < 126) {
			out.write(payload.length);
		}
		else {
			out.write(126);
			out.write(payload.length >> 8);
			out.write(payload.length & 0xff);
		}
		out.write(payload);
		out.flush();
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
