package dev.parley.provider;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;

/**
 * Counts tokens with a real BPE tokenizer (o200k_base, the encoding of current OpenAI
 * models; a close estimate for other providers), for context budgets and for usage a
 * provider did not report. The encoding's tables take about 25 MB of heap, so every
 * instance shares one, loaded on first use. Thread-safe.
 */
@Component
public class TokenCounter {

	/**
	 * Tokens a chat message costs beyond its text (role and separators), as OpenAI
	 * documents.
	 */
	private static final int PER_MESSAGE_OVERHEAD = 4;

	/** Tokens that prime every reply. */
	private static final int PER_REPLY = 3;

	/** The one o200k_base encoding of this JVM, loaded when first needed. */
	private static final class Shared {

		static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	}

	public int count(String text) {
		return (text == null || text.isEmpty()) ? 0 : Shared.O200K.countTokensOrdinary(text);
	}

	public int count(ChatMessage message) {
		return PER_MESSAGE_OVERHEAD + count(message.content());
	}

	/** A whole prompt: every message plus the tokens that prime the reply. */
	public int count(List<ChatMessage> messages) {
		int total = PER_REPLY;
		for (ChatMessage message : messages) {
			total += count(message);
		}
		return total;
	}

	/**
	 * The provider's usage when it reported one, else a count of the prompt and of the
	 * reply's text.
	 */
	public Usage usage(Usage reported, List<ChatMessage> prompt, CharSequence reply) {
		if (reported != null) {
			return reported;
		}
		return new Usage(count(prompt), count((reply != null) ? reply.toString() : null));
	}

}
