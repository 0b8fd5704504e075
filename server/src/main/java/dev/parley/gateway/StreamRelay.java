package dev.parley.gateway;

import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.databind.JsonNode;

import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.Usage;

/**
 * Relays one routed stream to one client in its protocol's {@link AnswerFrames}: the
 * opening, a frame per event, the finish with the usage. A failure after the start ends
 * it with the protocol's error frame. Keeps the text to count tokens when the provider
 * reports no usage. Not thread-safe: one relay per stream.
 */
final class StreamRelay {

	private final GatewayCall call;

	private final AnswerFrames frames;

	private final TokenCounter tokens;

	private final StringBuilder text = new StringBuilder();

	private Usage reported;

	private Usage used;

	private String finishReason;

	private boolean passedThrough;

	/** How the answer ended (a broken relay counts as interrupted). */
	private String status = "interrupted";

	StreamRelay(GatewayCall call, AnswerFrames frames, TokenCounter tokens) {
		this.call = call;
		this.frames = frames;
		this.tokens = tokens;
	}

	/** Writes the whole answer; returns when it ended, failed or the client went away. */
	void run(CompletionStream stream, StreamEvent first, OutputStream out) {
		try {
			out.write(this.frames.start());
			StreamEvent event = first;
			while (true) {
				switch (event) {
					case StreamEvent.Delta delta -> {
						this.text.append(delta.text());
						out.write(this.frames.text(delta.text()));
					}
					case StreamEvent.Passthrough passthrough -> {
						JsonNode content = passthrough.delta().get("content");
						if (content != null && content.isString()) {
							this.text.append(content.asString());
						}
						this.passedThrough = true;
						out.write(this.frames.passthrough(passthrough.delta()));
					}
					case StreamEvent.Finish finish -> {
						this.reported = finish.usage();
						this.finishReason = finish.finishReason();
						this.status = "complete";
						out.write(this.frames.finish(finish.finishReason(), finish.stopSequence(), usage()));
						out.flush();
						return;
					}
				}
				out.flush();
				event = stream.next();
			}
		}
		catch (ProviderException ex) {
			this.status = this.text.isEmpty() ? "failed" : "interrupted";
			try {
				out.write(this.frames.error(ex.failure(), UpstreamProblems.after(ex)));
				out.flush();
			}
			catch (IOException gone) {
				// the client went away too
			}
		}
		catch (IOException ex) {
			// The client went away: the caller closes the upstream call.
			if (this.finishReason == null) {
				this.status = "stopped";
			}
		}
	}

	/**
	 * Whether the whole answer was text and reached the client to its end, so that
	 * replaying its text replays it (a reply with tool calls or other deltas is not).
	 */
	boolean completeText() {
		return this.finishReason != null && !this.passedThrough;
	}

	/** How the answer ended, or null when it did not reach its end. */
	String finishReason() {
		return this.finishReason;
	}

	/**
	 * How the answer ended: {@code complete}, {@code stopped} (the client went away),
	 * {@code interrupted} or {@code failed} (the upstream failed after or before any
	 * text).
	 */
	String status() {
		return this.status;
	}

	/** The text relayed so far. */
	CharSequence text() {
		return this.text;
	}

	/**
	 * What the answer used: the provider's report, or a count of the prompt and of the
	 * text relayed; worked out once, at the finish or after {@link #run} returned.
	 */
	Usage usage() {
		if (this.used == null) {
			this.used = this.tokens.usage(this.reported, this.call.request().messages(), this.text);
		}
		return this.used;
	}

}
