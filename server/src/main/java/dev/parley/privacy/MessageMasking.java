package dev.parley.privacy;

/**
 * Applies the deployment's masking policy to message text at the two places it matters:
 * before a provider receives it and before it is stored; both return the text unchanged
 * when masking is off for that target.
 */
public final class MessageMasking {

	private final SensitiveDataMasker masker;

	private final boolean provider;

	private final boolean storage;

	public MessageMasking(SensitiveDataMasker masker, boolean provider, boolean storage) {
		this.masker = masker;
		this.provider = provider;
		this.storage = storage;
	}

	/** A policy that never masks. */
	public static MessageMasking off() {
		return new MessageMasking(new SensitiveDataMasker(java.util.Set.of()), false, false);
	}

	/** The text as a model provider may see it. */
	public String forProvider(String text) {
		return this.provider ? this.masker.mask(text) : text;
	}

	/** A user's message as it may be stored. */
	public String forStorage(String text) {
		return this.storage ? this.masker.mask(text) : text;
	}

}
