package dev.parley.provider;

/**
 * Why a provider call failed. Transient kinds may be retried or failed over before the
 * first token (429 is transient, unlike in some frameworks).
 */
public enum ProviderFailure {

	/** HTTP 429. */
	RATE_LIMITED("upstream_rate_limited", true, "the model provider is rate-limiting requests"),
	/** HTTP 5xx. */
	SERVER_ERROR("upstream_error", true, "the model provider failed"),
	/** Connection refused, reset or DNS failure before a response. */
	CONNECT_ERROR("upstream_unreachable", true, "the model provider could not be reached"),
	/** No first token within the first-token timeout. */
	FIRST_TOKEN_TIMEOUT("upstream_timeout", true, "the model provider did not start answering in time"),
	/** No data between two tokens within the idle timeout. */
	IDLE_TIMEOUT("upstream_timeout", true, "the model provider stopped sending"),
	/** The stream ended without a finish (connection cut). */
	STREAM_CUT("upstream_stream_cut", true, "the model provider's stream broke off"),
	/** A chunk that is not valid JSON or not the protocol's shape. */
	MALFORMED_RESPONSE("upstream_malformed", false, "the model provider sent a malformed answer"),
	/** HTTP 401 or 403: the key is wrong. */
	AUTHENTICATION("upstream_auth", false, "the model provider refused Parley's credentials"),
	/** HTTP 404: the model or the endpoint does not exist at this provider. */
	NOT_FOUND("upstream_not_found", false, "the model provider does not know this model or endpoint"),
	/** All of a provider's concurrency slots are taken. */
	BUSY("upstream_busy", true, "the model provider is busy"),
	/** Every target of a route failed or was skipped (breaker open, busy, no key). */
	UNAVAILABLE("upstream_unavailable", false, "no model provider could answer"),
	/**
	 * Another HTTP 4xx: the request was refused (context too long, bad parameter, ...).
	 */
	BAD_REQUEST("upstream_bad_request", false, "the model provider refused the request"),
	/**
	 * The provider's host is, or resolves to, an address the egress policy refuses
	 * (link-local, cloud metadata, or loopback or private when those are turned off).
	 */
	EGRESS_BLOCKED("egress_blocked", false, "the model provider's address is not one Parley may call (egress policy)"),
	/** The call was cancelled by Parley (stop). */
	CANCELLED("cancelled", false, "the call was cancelled");

	private final String code;

	private final boolean transientFailure;

	private final String publicMessage;

	ProviderFailure(String code, boolean transientFailure, String publicMessage) {
		this.code = code;
		this.transientFailure = transientFailure;
		this.publicMessage = publicMessage;
	}

	/** The stable code put in a stream's {@code error} event. */
	public String code() {
		return this.code;
	}

	/**
	 * What users may be told about this failure: fixed text naming the kind of failure
	 * and the upstream's HTTP status (when there was one), never anything the upstream
	 * sent.
	 * @param httpStatus the upstream's status, 0 when there was none
	 */
	public String publicMessage(int httpStatus) {
		return (httpStatus > 0) ? this.publicMessage + " (HTTP " + httpStatus + ")" : this.publicMessage;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

}
