package dev.parley.bench.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;

/** Writes one reply, with its timing and fault, on the request's virtual thread. */
final class Reply {

	private static final AtomicLong IDS = new AtomicLong();

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] MALFORMED = "data: {not json\n\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

	static final long HANG_POLL_MS = 200;

	private final HttpExchange exchange;

	private final RecordedRequest request;

	private final Behaviour behaviour;

	private final boolean includeUsage;

	private final BooleanSupplier shutdown;

	private final List<ToolCall> toolCalls;

	Reply(HttpExchange exchange, RecordedRequest request, Behaviour behaviour, boolean includeUsage,
			BooleanSupplier shutdown) {
		this(exchange, request, behaviour, includeUsage, shutdown, List.of());
	}

	/**
	 * A reply that calls {@code toolCalls} instead of answering with text when there are
	 * any.
	 */
	Reply(HttpExchange exchange, RecordedRequest request, Behaviour behaviour, boolean includeUsage,
			BooleanSupplier shutdown, List<ToolCall> toolCalls) {
		this.exchange = exchange;
		this.request = request;
		this.behaviour = behaviour;
		this.includeUsage = includeUsage;
		this.shutdown = shutdown;
		this.toolCalls = toolCalls;
	}

	/**
	 * Sends the whole reply.
	 * @return true when the client went away before the end
	 */
	boolean send() throws IOException {
		try {
			switch (this.behaviour.fault().kind()) {
				case STATUS -> OpenAiErrors.fault(this.exchange, this.behaviour.fault().status(), this.behaviour);
				case ERROR -> {
					if (this.request.stream()) {
						stream();
					}
					else {
						OpenAiErrors.fault(this.exchange, 500, this.behaviour);
					}
				}
				case HANG -> hang();
				default -> {
					if (this.request.stream()) {
						stream();
					}
					else {
						complete();
					}
				}
			}
			return false;
		}
		catch (IOException ex) {
			// the client closed its connection (broken pipe, reset): the exchange is dead
			return true;
		}
	}

	private void stream() throws IOException {
		this.exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		this.exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		this.exchange.sendResponseHeaders(200, 0);
		OutputStream out = this.exchange.getResponseBody();
		ChunkFormat format = new ChunkFormat(id(), created(), this.request.model(), this.includeUsage);
		if (!this.toolCalls.isEmpty()) {
			streamToolCalls(out, format);
			return;
		}
		int tokens = tokens();
		Fault.Kind fault = this.behaviour.fault().kind();
		sleep(this.behaviour.ttftMs());
		out.write(format.roleFrame());
		for (int i = 0; i < tokens; i++) {
			if (i > 0) {
				sleep(this.behaviour.delayMs());
			}
			if (injectFault(out, fault, i)) {
				return;
			}
			out.write(format.tokenFrame(this.behaviour.token(i, tokens)));
			out.flush();
		}
		if (injectFault(out, fault, Math.max(tokens, this.behaviour.after()))) {
			return;
		}
		out.write(format.finishFrame(finishReason(tokens)));
		if (this.includeUsage) {
			out.write(format.usageFrame(this.request.promptWords(), tokens));
		}
		out.write(DONE);
		out.flush();
		this.exchange.close();
	}

	/**
	 * Streams the tool calls as OpenAI does: per call a delta with its id and name, then
	 * its arguments in fragments (one token each, deltas without role); finish reason
	 * {@code tool_calls}.
	 */
	private void streamToolCalls(OutputStream out, ChunkFormat format) throws IOException {
		sleep(this.behaviour.ttftMs());
		int fragments = 0;
		for (int index = 0; index < this.toolCalls.size(); index++) {
			ToolCall call = this.toolCalls.get(index);
			out.write(format.toolCallStartFrame(index == 0, index, call));
			out.flush();
			for (String fragment : call.fragments()) {
				sleep(this.behaviour.delayMs());
				out.write(format.toolArgumentsFrame(index, fragment));
				out.flush();
				fragments++;
			}
		}
		out.write(format.finishFrame("tool_calls"));
		if (this.includeUsage) {
			out.write(format.usageFrame(this.request.promptWords(), fragments));
		}
		out.write(DONE);
		out.flush();
		this.exchange.close();
	}

	/** Injects the fault due after {@code sent} tokens; true when the reply ended. */
	private boolean injectFault(OutputStream out, Fault.Kind fault, int sent) throws IOException {
		if (sent != this.behaviour.after()) {
			return false;
		}
		if (fault == Fault.Kind.CUT) {
			out.flush();
			throw new CutConnection();
		}
		if (fault == Fault.Kind.MALFORMED) {
			out.write(MALFORMED);
			out.flush();
		}
		if (fault == Fault.Kind.ERROR) {
			out.write(("data: {\"error\":{\"message\":"
					+ ChunkFormat.quote(this.behaviour.faultMessage("Simulated mid-stream error"))
					+ ",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			this.exchange.close();
			return true;
		}
		return false;
	}

	private void complete() throws IOException {
		int tokens = tokens();
		sleep(this.behaviour.ttftMs() + ((tokens > 1) ? (tokens - 1) * this.behaviour.delayMs() : 0));
		Fault.Kind fault = this.behaviour.fault().kind();
		String json = (fault == Fault.Kind.MALFORMED) ? "{\"id\": not json"
				: !this.toolCalls.isEmpty()
						? ChunkFormat.toolCallCompletion(id(), created(), this.request.model(), this.toolCalls,
								this.request.promptWords(),
								this.toolCalls.stream().mapToInt((call) -> call.fragments().size()).sum())
						: ChunkFormat.completion(id(), created(), this.request.model(), this.behaviour.text(tokens),
								finishReason(tokens), this.request.promptWords(), tokens);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		this.exchange.getResponseHeaders().set("Content-Type", "application/json");
		this.exchange.sendResponseHeaders(200, body.length);
		OutputStream out = this.exchange.getResponseBody();
		if (fault == Fault.Kind.CUT) {
			out.write(body, 0, body.length / 2);
			out.flush();
			throw new CutConnection();
		}
		out.write(body);
		this.exchange.close();
	}

	/**
	 * Headers, then nothing but keep-alive noise until the client leaves or the simulator
	 * stops.
	 */
	private void hang() throws IOException {
		boolean stream = this.request.stream();
		this.exchange.getResponseHeaders()
			.set("Content-Type", stream ? "text/event-stream; charset=utf-8" : "application/json");
		this.exchange.sendResponseHeaders(200, 0);
		OutputStream out = this.exchange.getResponseBody();
		byte[] noise = stream ? PING : new byte[] { ' ' };
		while (!this.shutdown.getAsBoolean()) {
			sleep(HANG_POLL_MS);
			out.write(noise);
			out.flush();
		}
		throw new CutConnection();
	}

	/** Never answers; returns when the simulator stops. */
	void hangWithoutHeaders() {
		while (!this.shutdown.getAsBoolean()) {
			sleep(HANG_POLL_MS);
		}
		throw new CutConnection();
	}

	private int tokens() {
		Integer max = this.request.maxTokens();
		return (max != null && max < this.behaviour.tokens()) ? Math.max(max, 0) : this.behaviour.tokens();
	}

	private String finishReason(int tokens) {
		return (tokens < this.behaviour.tokens()) ? "length" : "stop";
	}

	private static String id() {
		return "chatcmpl-sim" + IDS.incrementAndGet();
	}

	private static long created() {
		return System.currentTimeMillis() / 1000;
	}

	static void sleep(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CutConnection();
		}
	}

	/** Thrown to make the JDK server drop the connection without ending the response. */
	static final class CutConnection extends RuntimeException {

		CutConnection() {
			super("simulated connection cut", null, false, false);
		}

	}

}
