package dev.parley.privacy;

/** Where masking applies: to what providers receive, or to what is stored. */
public enum MaskingTarget {

	/**
	 * Messages are masked in the request sent to a model provider; history stays
	 * verbatim.
	 */
	PROVIDER,
	/**
	 * A user's message is masked before it is stored (so providers see it masked too).
	 */
	STORAGE

}
