package dev.parley.bench.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * Writes one Anthropic Messages reply, with its timing and fault, on the request's
 * virtual thread.
 */
final class AnthropicReply {

	private static final AtomicLong IDS = new AtomicLong();

	private final HttpExchange exchange;

	private final RecordedRequest request;

	private final Behaviour behaviour;

	private final AnthropicText text;

	private final BooleanSupplier shutdown;

	private final List<ToolCall> toolCalls;

	/** A reply that calls {@code toolCalls} instead of answering with text when any. */
	AnthropicReply(HttpExchange exchange, RecordedRequest request, Behaviour behaviour, List<String> stopSequences,
			BooleanSupplier shutdown, List<ToolCall> toolCalls) {
		this.exchange = exchange;
		this.request = request;
		this.behaviour = behaviour;
		this.text = AnthropicText.of(behaviour, request.maxTokens(), stopSequences);
		this.shutdown = shutdown;
		this.toolCalls = toolCalls;
	}

	/**
	 * Sends the whole reply.
	 * @return true when the client went away before the end
	 */
	boolean send() throws IOException {
		try {
			Fault fault = this.behaviour.fault();
			switch (fault.kind()) {
				case STATUS -> AnthropicErrors.fault(this.exchange, fault.status(), this.behaviour);
				case HANG -> hang();
				default -> {
					if (this.request.stream()) {
						stream();
					}
					else if (fault.kind() == Fault.Kind.ERROR) {
						AnthropicErrors.fault(this.exchange, 529, this.behaviour);
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
		AnthropicFormat format = new AnthropicFormat(id(), this.request.model());
		if (!this.toolCalls.isEmpty()) {
			streamToolUse(out, format);
			return;
		}
		List<String> tokens = this.text.tokens();
		Fault.Kind fault = this.behaviour.fault().kind();
		out.write(format.messageStart(this.request.promptWords(), Math.min(1, tokens.size())));
		out.write(AnthropicFormat.contentBlockStart());
		out.write(AnthropicFormat.ping());
		out.flush();
		Reply.sleep(this.behaviour.ttftMs());
		for (int i = 0; i < tokens.size(); i++) {
			if (i > 0) {
				Reply.sleep(this.behaviour.delayMs());
			}
			if (injectFault(out, fault, i)) {
				return;
			}
			out.write(AnthropicFormat.textDelta(tokens.get(i)));
			out.flush();
		}
		if (injectFault(out, fault, Math.max(tokens.size(), this.behaviour.after()))) {
			return;
		}
		out.write(AnthropicFormat.contentBlockStop());
		out.write(AnthropicFormat.messageDelta(this.text.stopReason(), this.text.stopSequence(), tokens.size()));
		out.write(AnthropicFormat.messageStop());
		out.flush();
		this.exchange.close();
	}

	/**
	 * Streams the tool calls as Anthropic does: per call a {@code tool_use} block whose
	 * input arrives as {@code input_json_delta}s (the first one empty), then stop reason
	 * {@code tool_use}.
	 */
	private void streamToolUse(OutputStream out, AnthropicFormat format) throws IOException {
		out.write(format.messageStart(this.request.promptWords(), 1));
		out.write(AnthropicFormat.ping());
		out.flush();
		Reply.sleep(this.behaviour.ttftMs());
		int fragments = 0;
		for (int index = 0; index < this.toolCalls.size(); index++) {
			ToolCall call = this.toolCalls.get(index);
			out.write(AnthropicFormat.toolUseStart(index, call));
			out.write(AnthropicFormat.inputJsonDelta(index, ""));
			out.flush();
			for (String fragment : call.fragments()) {
				Reply.sleep(this.behaviour.delayMs());
				out.write(AnthropicFormat.inputJsonDelta(index, fragment));
				out.flush();
				fragments++;
			}
			out.write(AnthropicFormat.contentBlockStop(index));
		}
		out.write(AnthropicFormat.messageDelta("tool_use", null, fragments));
		out.write(AnthropicFormat.messageStop());
		out.flush();
		this.exchange.close();
	}

	/** Injects the fault due after {@code sent} tokens; true when the reply ended. */
	private boolean injectFault(OutputStream out, Fault.Kind fault, int sent) throws IOException {
		if (sent != this.behaviour.after()) {
			return false;
		}
		switch (fault) {
			case CUT -> {
				out.flush();
				throw new Reply.CutConnection();
			}
			case MALFORMED -> {
				out.write(AnthropicFormat.malformed());
				out.flush();
			}
			case ERROR -> {
				out.write(AnthropicFormat.error("overloaded_error", this.behaviour.faultMessage("Overloaded")));
				out.flush();
				this.exchange.close();
				return true;
			}
			default -> {
				// no fault mid-stream
			}
		}
		return false;
	}

	private void complete() throws IOException {
		int tokens = this.text.tokens().size();
		Reply.sleep(this.behaviour.ttftMs() + ((tokens > 1) ? (tokens - 1) * this.behaviour.delayMs() : 0));
		Fault.Kind fault = this.behaviour.fault().kind();
		String json = (fault == Fault.Kind.MALFORMED) ? "{\"id\": not json"
				: !this.toolCalls.isEmpty()
						? new AnthropicFormat(id(), this.request.model()).toolUseMessage(this.toolCalls,
								this.request.promptWords(),
								this.toolCalls.stream().mapToInt((call) -> call.fragments().size()).sum())
						: new AnthropicFormat(id(), this.request.model()).message(this.text.text(),
								this.text.stopReason(), this.text.stopSequence(), this.request.promptWords(), tokens);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		this.exchange.getResponseHeaders().set("Content-Type", "application/json");
		this.exchange.sendResponseHeaders(200, body.length);
		OutputStream out = this.exchange.getResponseBody();
		if (fault == Fault.Kind.CUT) {
			out.write(body, 0, body.length / 2);
			out.flush();
			throw new Reply.CutConnection();
		}
		out.write(body);
		this.exchange.close();
	}

	/**
	 * Headers, then nothing but {@code ping} events (a space for non-streaming calls)
	 * until the client leaves or the simulator stops.
	 */
	private void hang() throws IOException {
		boolean stream = this.request.stream();
		this.exchange.getResponseHeaders()
			.set("Content-Type", stream ? "text/event-stream; charset=utf-8" : "application/json");
		this.exchange.sendResponseHeaders(200, 0);
		OutputStream out = this.exchange.getResponseBody();
		byte[] noise = stream ? AnthropicFormat.ping() : new byte[] { ' ' };
		while (!this.shutdown.getAsBoolean()) {
			Reply.sleep(Reply.HANG_POLL_MS);
			out.write(noise);
			out.flush();
		}
		throw new Reply.CutConnection();
	}

	private static String id() {
		return "msg_sim" + IDS.incrementAndGet();
	}

}
