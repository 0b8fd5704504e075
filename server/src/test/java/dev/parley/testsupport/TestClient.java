package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.testsupport.TestAccounts.Session;

/**
 * The one HTTP client of the whole-application tests, over the JDK HttpClient (HTTP/1.1)
 * as a real client of Parley would call it: JSON calls answered as a {@link Response},
 * SSE streams read frame by frame with {@link SseClient}, and raw requests for the tests
 * that need exact bytes or headers. It keeps every body it received, so that a test can
 * check that a secret never left the server.
 */
public final class TestClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	public TestClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** A client of the server listening on this local port. */
	public static TestClient onPort(int port) {
		return new TestClient("http://127.0.0.1:" + port);
	}

	/** A client of an application a test started itself. */
	public static TestClient of(ConfigurableApplicationContext context) {
		return onPort(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/** The JDK client underneath, for a request no builder here can express. */
	public HttpClient jdk() {
		return this.http;
	}

	/** Every response body this client received, in order. */
	public List<String> bodies() {
		return this.bodies;
	}

	/** A request to build; it accepts JSON unless told otherwise. */
	public Request request(String method, String path) {
		return new Request(method, path);
	}

	/** A JSON call as {@code session}'s user (null: without credentials). */
	public Response call(Session session, String method, String path, String json) {
		return request(method, path).as(session).json(json).send();
	}

	/**
	 * A JSON call with {@code authorization} as the Authorization header (null: none).
	 */
	public Response send(String method, String path, String authorization, String json) {
		return request(method, path).authorization(authorization).json(json).send();
	}

	/** Sends a request built by hand and records its body. */
	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			this.bodies.add(response.body());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a request built by hand and reads its answer as a stream of SSE frames. */
	public SseClient stream(HttpRequest request) {
		try {
			return new SseClient(this.http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A request being built: headers, credentials and body, then sent or streamed. */
	public final class Request {

		private final HttpRequest.Builder builder;

		private final String method;

		private String accept = "application/json";

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private Request(String method, String path) {
			this.method = method;
			this.builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
		}

		public Request header(String name, String value) {
			this.builder.header(name, value);
			return this;
		}

		/** Authenticates as {@code session}'s user (null: anonymous). */
		public Request as(Session session) {
			return (session != null) ? header("Authorization", session.bearer()) : this;
		}

		/** Sets this Authorization header (null: none). */
		public Request authorization(String authorization) {
			return (authorization != null) ? header("Authorization", authorization) : this;
		}

		public Request accept(String accept) {
			this.accept = accept;
			return this;
		}

		/** A JSON body (null: none). */
		public Request json(String json) {
			return (json != null) ? body("application/json", json) : this;
		}

		public Request body(String contentType, String text) {
			header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofString(text);
			return this;
		}

		/** A body of exactly these bytes, such as text that is not UTF-8. */
		public Request body(String contentType, byte[] bytes) {
			header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
			return this;
		}

		/**
		 * A body from {@code publisher}: one of unknown length (such as
		 * {@code BodyPublishers.ofInputStream}) is sent chunked, without a
		 * Content-Length.
		 */
		public Request body(String contentType, HttpRequest.BodyPublisher publisher) {
			header("Content-Type", contentType);
			this.body = publisher;
			return this;
		}

		public Request timeout(Duration timeout) {
			this.builder.timeout(timeout);
			return this;
		}

		public HttpRequest build() {
			if (this.accept != null) {
				this.builder.header("Accept", this.accept);
			}
			return this.builder.method(this.method, this.body).build();
		}

		public Response send() {
			return TestClient.this.send(build());
		}

		/**
		 * Sends the request asking for {@code text/event-stream} and reads its frames.
		 */
		public SseClient stream() {
			this.accept = "text/event-stream";
			return TestClient.this.stream(build());
		}

	}

}
