package dev.parley.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal SSE client over the JDK HttpClient, reading frames as a browser's EventSource
 * would.
 */
final class SseClient implements AutoCloseable {

	/** One SSE event: its id and the parsed envelope. */
	record Frame(String id, String type, JsonNode data) {

		String text(String field) {
			JsonNode node = this.data.get(field);
			return (node == null || node.isNull()) ? null : node.asString();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpResponse<InputStream> response;

	private final BufferedReader reader;

	private int heartbeats;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	static SseClient post(HttpClient http, URI uri, String json, String authorization) {
		return send(http,
				HttpRequest.newBuilder(uri)
					.header("Authorization", authorization)
					.header("Content-Type", "application/json")
					.header("Accept", "text/event-stream")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.timeout(Duration.ofSeconds(60))
					.build());
	}

	static SseClient get(HttpClient http, URI uri, String lastEventId, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Accept", "text/event-stream")
			.header("Authorization", authorization)
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return send(http, request.build());
	}

	private static SseClient send(HttpClient http, HttpRequest request) {
		try {
			return new SseClient(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status() {
		return this.response.statusCode();
	}

	String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	/** The whole body, for an error response. */
	JsonNode bodyJson() {
		try {
			return JSON.readTree(this.response.body().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int heartbeats() {
		return this.heartbeats;
	}

	/** The next event, or null when the stream ended. */
	Frame next() {
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
					data = (data == null) ? new StringBuilder() : data.append('\n');
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
	List<Frame> untilTerminal() {
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
