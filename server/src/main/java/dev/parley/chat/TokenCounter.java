package dev.parley.chat;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;

import dev.parley.provider.ChatMessage;

/**
 * Counts tokens with a real BPE tokenizer (o200k_base, the encoding of current OpenAI
 * models; a close estimate for other providers).
 */
@Component
public class TokenCounter {

	/**
	 * Tokens a chat message costs beyond its text (role and separators), as OpenAI
	 * documents.
	 */
	private static final int PER_MESSAGE_OVERHEAD = 4;

	private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	public int count(String text) {
		return (text == null || text.isEmpty()) ? 0 : this.encoding.countTokensOrdinary(text);
	}

	public int count(ChatMessage message) {
		return PER_MESSAGE_OVERHEAD + count(message.content());
	}

	public int count(List<ChatMessage> messages) {
		int total = 3;
		for (ChatMessage message : messages) {
			total += count(message);
		}
		return total;
	}

}
