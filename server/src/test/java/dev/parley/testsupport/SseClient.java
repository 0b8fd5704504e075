package dev.parley.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SSE answer read frame by frame as a browser's EventSource would, from
 * {@link TestClient.Request#stream()}; frames carry Parley's {@code {type, data}}
 * envelope.
 */
public final class SseClient implements AutoCloseable {

	/** One SSE event: its id and the parsed envelope. */
	public record Frame(String id, String type, JsonNode data) {

		public String text(String field) {
			JsonNode node = this.data.get(field);
			return (node == null || node.isNull()) ? null : node.asString();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpResponse<InputStream> response;

	private final BufferedReader reader;

	private int heartbeats;

	SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	public int status() {
		return this.response.statusCode();
	}

	public String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	/** The whole body, for an error response. */
	public JsonNode bodyJson() {
		try {
			return JSON.readTree(this.response.body().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int heartbeats() {
		return this.heartbeats;
	}

	/**
	 * Reads up to the next heartbeat (a comment line) and keeps no event it passes.
	 * @throws IllegalStateException when the stream ends first or an event comes
	 */
	public void awaitHeartbeat() {
		try {
			String line;
			while ((line = this.reader.readLine()) != null) {
				if (line.startsWith(":")) {
					this.heartbeats++;
					return;
				}
				if (line.startsWith("data:")) {
					throw new IllegalStateException("an event came before any heartbeat: " + line);
				}
			}
			throw new IllegalStateException("the stream ended before a heartbeat");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next event, or null when the stream ended. */
	public Frame next() {
		try {
			String id = null;
			StringBuilder data = null;
			String line;
			while ((line = this.reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						JsonNode envelope = JSON.readTree(data.toString());
						return new Frame(id, envelope.get("type").asString(), envelope.get("data"));
					}
					id = null;
				}
				else if (line.startsWith(":")) {
					this.heartbeats++;
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("data:")) {
					data = (data != null) ? data.append('\n') : new StringBuilder();
					data.append(line.substring(5).trim());
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every remaining event up to and including the terminal one. */
	public List<Frame> untilTerminal() {
		List<Frame> frames = new ArrayList<>();
		Frame frame;
		while ((frame = next()) != null) {
			frames.add(frame);
			if (frame.type().equals("end") || frame.type().equals("error")) {
				break;
			}
		}
		return frames;
	}

	/** The {@code data:} payloads of a whole SSE body, in order, as raw text. */
	public static List<String> dataFrames(String body) {
		List<String> frames = new ArrayList<>();
		for (String line : body.split("\n")) {
			if (line.startsWith("data: ")) {
				frames.add(line.substring(6));
			}
		}
		return frames;
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// the client going away is what some tests want
		}
	}

}
