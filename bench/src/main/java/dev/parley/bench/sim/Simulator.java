package dev.parley.bench.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A simulated LLM provider speaking OpenAI's chat completions and Anthropic's Messages
 * protocols over real HTTP: the test double of every test and of the benchmark.
 * <p>
 * Endpoints under {@link #baseUrl()}: {@code POST /chat/completions} (streaming and not),
 * {@code GET /models} and {@code POST /messages} (Anthropic: {@code x-api-key} and
 * {@code anthropic-version} headers, {@code max_tokens} required, top-level
 * {@code system}, named SSE events from {@code message_start} to {@code message_stop},
 * Anthropic's error JSON). The reply of {@code n} tokens is {@link #expectedText(int)
 * expectedText(n)}: token {@code i} is word {@code i % 16} of a fixed list followed by a
 * space. {@code max_tokens} shortens it (finish reason {@code length}, stop reason
 * {@code max_tokens}); on the Anthropic side the first match of a {@code stop_sequences}
 * entry ends it too (stop reason {@code stop_sequence}).
 * <p>
 * Each request's behaviour comes from the server's {@link SimulatorConfig} defaults,
 * overridden by the query part of the model name:
 * {@code sim?ttft=50&tokens=20&delay=5&fault=cut&after=3}. Parameters: {@code ttft} (ms
 * before the first token), {@code tokens}, {@code delay} (ms between tokens),
 * {@code fault}, {@code after} (tokens before a cut or malformed chunk) and
 * {@code retry_after} (seconds, sent as {@code Retry-After} with a status fault) and
 * {@code emoji=split} (an emoji between each two words, the halves of its surrogate pair
 * in two deltas: {@link #expectedText(int, boolean)}). Faults:
 * <ul>
 * <li>{@code 500}, {@code 429}, {@code 529}, any 4xx/5xx: that status with the protocol's
 * error JSON (Anthropic: {@code rate_limit_error}, {@code api_error},
 * {@code overloaded_error}, ... by status);</li>
 * <li>{@code hang}: headers, then no token until the client goes away (an SSE comment, or
 * an Anthropic {@code ping} event, every 200 ms, a space for non-streaming calls, notices
 * it);</li>
 * <li>{@code hang_headers}: no headers at all, until the simulator closes (not counted in
 * {@link #activeStreams()}: the simulator cannot see that client leave);</li>
 * <li>{@code cut}: {@code after} tokens, then the connection is closed without an end
 * ({@code [DONE]}, {@code message_stop});</li>
 * <li>{@code malformed}: {@code after} tokens, then a <code>data: {not json}</code> line,
 * then the rest of the reply;</li>
 * <li>{@code error}: {@code after} tokens, then an error in the stream (an OpenAI
 * <code>{"error":...}</code> chunk, an Anthropic {@code error} event of type {@code
 * overloaded_error}) and the end of the response; a non-streaming call gets HTTP 500
 * (OpenAI) or 529 (Anthropic).</li>
 * </ul>
 * Built on the JDK {@link HttpServer} with one virtual thread per request, so thousands
 * of concurrent streams cost little. Thread-safe.
 */
public final class Simulator implements AutoCloseable {

	static final String[] WORDS = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
			"kappa", "lambda", "mu", "nu", "xi", "omicron", "pi" };

	private static final char EMOJI_HIGH = '\uD83D';

	private static final char EMOJI_LOW = '\uDE00';

	private final HttpServer server;

	private final ExecutorService executor;

	private final SimulatorStats stats;

	private final ChatCompletionsHandler chat;

	private final MessagesHandler messages;

	private Simulator(HttpServer server, ExecutorService executor, SimulatorStats stats, ChatCompletionsHandler chat,
			MessagesHandler messages) {
		this.server = server;
		this.executor = executor;
		this.stats = stats;
		this.chat = chat;
		this.messages = messages;
	}

	/** Starts a simulator; it is ready when this returns. */
	public static Simulator start(SimulatorConfig config) {
		tuneJdkHttpServer();
		SimulatorStats stats = new SimulatorStats();
		ChatCompletionsHandler chat = new ChatCompletionsHandler(config, stats);
		MessagesHandler messages = new MessagesHandler(config, stats);
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 4096);
			server.createContext("/v1/chat/completions", chat);
			server.createContext("/v1/models", new ModelsHandler(config));
			server.createContext("/v1/messages", messages);
			server.createContext("/", new NotFoundHandler());
			server.setExecutor(executor);
			server.start();
			return new Simulator(server, executor, stats, chat, messages);
		}
		catch (IOException ex) {
			executor.shutdownNow();
			throw new UncheckedIOException("simulator could not listen on " + config.host() + ":" + config.port(), ex);
		}
	}

	/**
	 * The JDK server keeps only 200 idle keep-alive connections and delays small writes
	 * by default.
	 */
	private static void tuneJdkHttpServer() {
		System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "20000");
		System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
	}

	/**
	 * The reply text of {@code tokens} tokens: "alpha beta gamma ... " (each word ends
	 * with a space).
	 */
	public static String expectedText(int tokens) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tokens; i++) {
			text.append(word(i));
		}
		return text.toString();
	}

	/**
	 * The arguments of a simulated tool call whose parameter schema has these properties,
	 * in order: each gets the next word ({@code {"city":"alpha","unit":"beta"}}).
	 */
	public static String toolArguments(String... properties) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < properties.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(ChunkFormat.quote(properties[i]))
				.append(':')
				.append(ChunkFormat.quote(WORDS[i % WORDS.length]));
		}
		return json.append('}').toString();
	}

	/**
	 * The reply text of {@code tokens} tokens, with an emoji (U+1F600) between each two
	 * words when {@code splitPairs}: what a reply of model {@code sim?emoji=split} says.
	 */
	public static String expectedText(int tokens, boolean splitPairs) {
		if (!splitPairs) {
			return expectedText(tokens);
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tokens; i++) {
			text.append(token(i, tokens, true));
		}
		return text.toString();
	}

	static String word(int i) {
		return WORDS[i % WORDS.length] + " ";
	}

	/**
	 * Token {@code i} of {@code count}: its word, and when {@code splitPairs} the second
	 * half of the emoji before it and the first half of the emoji after it, so that no
	 * delta but the first and last is valid text on its own (as providers that cut
	 * between the halves of a surrogate pair send it).
	 */
	static String token(int i, int count, boolean splitPairs) {
		if (!splitPairs) {
			return word(i);
		}
		return ((i > 0) ? String.valueOf(EMOJI_LOW) : "") + word(i)
				+ ((i < count - 1) ? String.valueOf(EMOJI_HIGH) : "");
	}

	/** {@code http://127.0.0.1:<port>/v1}. */
	public String baseUrl() {
		return "http://" + this.server.getAddress().getHostString() + ":" + port() + "/v1";
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Chat requests received, chat completions and Anthropic messages (faulty ones
	 * included).
	 */
	public long requestCount() {
		return this.stats.requests.get();
	}

	/**
	 * Chat requests (both protocols) being answered now ({@code hang_headers} ones
	 * excluded).
	 */
	public int activeStreams() {
		return this.stats.active.get();
	}

	/** Replies whose client went away before their end. */
	public long cancelledStreams() {
		return this.stats.cancelled.get();
	}

	/**
	 * The last (up to 100) chat requests of both protocols, newest last; see
	 * {@link RecordedRequest#protocol()}.
	 */
	public List<RecordedRequest> recentRequests() {
		return this.stats.recent();
	}

	/** Stops at once: open streams and hangs end, connections close. */
	@Override
	public void close() {
		this.chat.shutdown();
		this.messages.shutdown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
