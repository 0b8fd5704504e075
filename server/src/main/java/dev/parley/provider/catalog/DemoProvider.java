package dev.parley.provider.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.Usage;

/**
 * The clearly labelled demo model {@code parley-demo}, offered only when no real provider
 * is configured: no network, it streams a fixed reply word by word at a human pace (a
 * word every {@code parley.provider.demo-word-delay}, 40 ms by default, so a reply takes
 * several seconds) so that stopping, disconnecting and resuming can be tried while it
 * runs. Thread-safe.
 */
public final class DemoProvider implements ChatProvider {

	/** The provider id. */
	public static final String ID = "demo";

	/** The one model it serves. */
	public static final String MODEL = "parley-demo";

	static final String PREFIX = "This is Parley's demo model; no LLM provider is configured"
			+ " (set OPENAI_API_KEY / OPENAI_BASE_URL). You said: ";

	/** What follows the quote: what to try while the reply streams. */
	static final String GUIDE = """


			While this reply streams, a few words every tenth of a second, you can try what Parley \
			does with a reply in progress. Press Ctrl-C in curl now: the reply carries on without \
			you and is stored whole. To pick it up again, GET /api/v1/conversations/{id}/stream \
			with the header Last-Event-ID set to the id of the last frame you saw: the frames you \
			missed arrive first, then the rest, with no gap and no repeat. Without that header the \
			stream follows the running reply from its start. To end a reply early, POST \
			/api/v1/conversations/{id}/stop: what was written so far is kept and marked stopped. \
			GET /api/v1/conversations/{id}/messages lists both messages, newest first. Here {id} \
			is the id of your conversation. To talk to a real model, set OPENAI_API_KEY (and \
			OPENAI_BASE_URL for another OpenAI-compatible service) and restart Parley, or let an \
			administrator add a provider at run time through /api/v1/admin/providers; \
			docs/PROVIDERS.md has worked examples. This is the end of the demo reply.""";

	private final Duration wordDelay;

	private final TokenCounter tokens = new TokenCounter();

	public DemoProvider(Duration wordDelay) {
		this.wordDelay = wordDelay;
	}

	@Override
	public String id() {
		return ID;
	}

	/** The whole reply to these messages. */
	static String reply(List<ChatMessage> messages) {
		String said = "";
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).role())) {
				said = messages.get(i).content();
				break;
			}
		}
		return PREFIX + ((said.length() > 200) ? said.substring(0, 200) : said) + GUIDE;
	}

	@Override
	public CompletionStream stream(ChatRequest request) {
		String reply = reply(request.messages());
		return new DemoStream(words(reply), this.wordDelay, usage(request, reply));
	}

	@Override
	public Completion complete(ChatRequest request) {
		String reply = reply(request.messages());
		return new Completion(reply, "stop", usage(request, reply));
	}

	private Usage usage(ChatRequest request, String reply) {
		int prompt = 0;
		for (ChatMessage message : request.messages()) {
			prompt += this.tokens.count(message.content());
		}
		return new Usage(prompt, this.tokens.count(reply));
	}

	/** Splits after each space, so the pieces join back to the text exactly. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == ' ') {
				words.add(text.substring(start, i + 1));
				start = i + 1;
			}
		}
		if (start < text.length()) {
			words.add(text.substring(start));
		}
		return words;
	}

	/** Yields the words one by one; close wakes a waiting {@link #next()} at once. */
	private static final class DemoStream implements CompletionStream {

		private final List<String> words;

		private final long delayNanos;

		private final Usage usage;

		private final CountDownLatch closed = new CountDownLatch(1);

		private int next;

		DemoStream(List<String> words, Duration delay, Usage usage) {
			this.words = words;
			this.delayNanos = delay.toNanos();
			this.usage = usage;
		}

		@Override
		public StreamEvent next() {
			try {
				if (this.closed.getCount() == 0
						|| (this.delayNanos > 0 && this.closed.await(this.delayNanos, TimeUnit.NANOSECONDS))) {
					throw new ProviderException(ProviderFailure.CANCELLED, "the demo reply was cancelled");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ProviderException(ProviderFailure.CANCELLED, "interrupted");
			}
			if (this.next < this.words.size()) {
				return new StreamEvent.Delta(this.words.get(this.next++));
			}
			return new StreamEvent.Finish("stop", this.usage);
		}

		@Override
		public void close() {
			this.closed.countDown();
		}

	}

}
