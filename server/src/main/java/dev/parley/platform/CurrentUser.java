package dev.parley.platform;

/** Who is making the current request; implemented by the identity feature. */
public interface CurrentUser {

	/** The id stored as {@code owner_id} on everything this caller creates. */
	String id();

	/** The caller's role: {@code ADMIN}, {@code AGENT} or {@code USER}. */
	default String role() {
		return "USER";
	}

	/** Whether the caller is an administrator. */
	default boolean admin() {
		return "ADMIN".equals(role());
	}

	/** The id of the API key the request came with, or null for an access token. */
	default String apiKeyId() {
		return null;
	}

}
