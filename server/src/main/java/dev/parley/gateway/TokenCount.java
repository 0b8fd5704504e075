package dev.parley.gateway;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.Usage;

/**
 * Counts a call's tokens with a real BPE tokenizer (o200k_base) when the provider did not
 * report usage, so the quota and the per-key usage are charged all the same.
 */
@Component
class TokenCount {

	/**
	 * Tokens a message costs beyond its text (role and separators), as OpenAI documents.
	 */
	private static final int PER_MESSAGE = 4;

	/** Tokens that prime every reply. */
	private static final int PER_REPLY = 3;

	private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	int text(String text) {
		return (text == null || text.isEmpty()) ? 0 : this.encoding.countTokensOrdinary(text);
	}

	int prompt(List<ChatMessage> messages) {
		int total = PER_REPLY;
		for (ChatMessage message : messages) {
			total += PER_MESSAGE + text(message.content());
		}
		return total;
	}

	/**
	 * The provider's usage when it reported one, else a count of the prompt and reply.
	 */
	Usage usage(Usage reported, List<ChatMessage> prompt, CharSequence reply) {
		if (reported != null) {
			return reported;
		}
		return new Usage(prompt(prompt), text(reply.toString()));
	}

}
