package dev.parley.provider;

/**
 * Why a provider call failed. Transient kinds may be retried or failed over before the
 * first token (429 is transient, unlike in some frameworks).
 */
public enum ProviderFailure {

	/** HTTP 429. */
	RATE_LIMITED("upstream_rate_limited", true),
	/** HTTP 5xx. */
	SERVER_ERROR("upstream_error", true),
	/** Connection refused, reset or DNS failure before a response. */
	CONNECT_ERROR("upstream_unreachable", true),
	/** No first token within the first-token timeout. */
	FIRST_TOKEN_TIMEOUT("upstream_timeout", true),
	/** No data between two tokens within the idle timeout. */
	IDLE_TIMEOUT("upstream_timeout", true),
	/** The stream ended without a finish (connection cut). */
	STREAM_CUT("upstream_stream_cut", true),
	/** A chunk that is not valid JSON or not the protocol's shape. */
	MALFORMED_RESPONSE("upstream_malformed", false),
	/** HTTP 401 or 403: the key is wrong. */
	AUTHENTICATION("upstream_auth", false),
	/** HTTP 404: the model or the endpoint does not exist at this provider. */
	NOT_FOUND("upstream_not_found", false),
	/** All of a provider's concurrency slots are taken. */
	BUSY("upstream_busy", true),
	/** Every target of a route failed or was skipped (breaker open, busy, no key). */
	UNAVAILABLE("upstream_unavailable", false),
	/**
	 * Another HTTP 4xx: the request was refused (context too long, bad parameter, ...).
	 */
	BAD_REQUEST("upstream_bad_request", false),
	/**
	 * The provider's host is, or resolves to, an address the egress policy refuses
	 * (link-local, cloud metadata, or loopback or private when those are turned off).
	 */
	EGRESS_BLOCKED("egress_blocked", false),
	/** The call was cancelled by Parley (stop). */
	CANCELLED("cancelled", false);

	private final String code;

	private final boolean transientFailure;

	ProviderFailure(String code, boolean transientFailure) {
		this.code = code;
		this.transientFailure = transientFailure;
	}

	/** The stable code put in a stream's {@code error} event. */
	public String code() {
		return this.code;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

}
