package dev.parley.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The closed set of problem types Parley answers with; each has a stable {@code type} URI
 * ({@code https://parley.dev/problems/<slug>}), an HTTP status and a short title.
 */
public enum ProblemType {

	MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
	UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST, "Unknown field"),
	INVALID_ID("invalid-id", HttpStatus.BAD_REQUEST, "Invalid id"),
	INVALID_CURSOR("invalid-cursor", HttpStatus.BAD_REQUEST, "Invalid cursor"),
	EMPTY_MESSAGE("empty-message", HttpStatus.BAD_REQUEST, "Empty message"),
	CONTENT_TOO_LARGE("content-too-large", HttpStatus.CONTENT_TOO_LARGE, "Content too large"),
	URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI too long"),
	HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	QUOTA_EXCEEDED("quota-exceeded", HttpStatus.TOO_MANY_REQUESTS, "Daily token quota used up"),
	LOGIN_THROTTLED("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	CONVERSATION_NOT_FOUND("conversation-not-found", HttpStatus.NOT_FOUND, "Conversation not found"),
	MESSAGE_NOT_FOUND("message-not-found", HttpStatus.NOT_FOUND, "Message not found"),
	UNKNOWN_MODEL("unknown-model", HttpStatus.BAD_REQUEST, "Unknown model"),
	GENERATION_IN_PROGRESS("generation-in-progress", HttpStatus.CONFLICT, "A reply is already being generated"),
	NO_GENERATION("no-generation", HttpStatus.CONFLICT, "No reply is being generated"),
	UPSTREAM_FAILED("upstream-failed", HttpStatus.BAD_GATEWAY, "The model provider failed"),
	REPLY_TIMEOUT("reply-timeout", HttpStatus.GATEWAY_TIMEOUT, "The reply took too long"),
	UPSTREAM_BUSY("upstream-busy", HttpStatus.SERVICE_UNAVAILABLE, "Too many concurrent model calls"),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
	INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Wrong e-mail or password"),
	INVALID_REFRESH_TOKEN("invalid-refresh-token", HttpStatus.UNAUTHORIZED, "Invalid refresh token"),
	REFRESH_TOKEN_REUSED("refresh-token-reused", HttpStatus.UNAUTHORIZED,
			"Refresh token used twice; the session is revoked"),
	ACCOUNT_DISABLED("account-disabled", HttpStatus.FORBIDDEN, "Account disabled"),
	PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required"),
	EMAIL_TAKEN("email-taken", HttpStatus.CONFLICT, "E-mail address already registered"),
	WEAK_PASSWORD("weak-password", HttpStatus.BAD_REQUEST, "Password too weak"),
	REGISTRATION_CLOSED("registration-closed", HttpStatus.FORBIDDEN, "Registration is closed"),
	USER_NOT_FOUND("user-not-found", HttpStatus.NOT_FOUND, "User not found"),
	API_KEY_NOT_FOUND("api-key-not-found", HttpStatus.NOT_FOUND, "API key not found"),
	SELF_LOCKOUT("self-lockout", HttpStatus.CONFLICT, "An administrator cannot demote or disable themselves"),
	// providers managed at run time
	PROVIDER_NOT_FOUND("provider-not-found", HttpStatus.NOT_FOUND, "Provider not found"),
	PROVIDER_NAME_TAKEN("provider-name-taken", HttpStatus.CONFLICT, "Provider name already taken"),
	PROVIDER_READ_ONLY("provider-read-only", HttpStatus.CONFLICT,
			"Provider configured in the environment; change it there"),
	// agents and saved contexts
	AGENT_NOT_FOUND("agent-not-found", HttpStatus.NOT_FOUND, "Agent not found"),
	AGENT_NAME_TAKEN("agent-name-taken", HttpStatus.CONFLICT, "An agent with this name exists"),
	DEFAULT_AGENT_UNDELETABLE("default-agent-undeletable", HttpStatus.CONFLICT, "The default agent cannot be deleted"),
	CONTEXT_NOT_FOUND("context-not-found", HttpStatus.NOT_FOUND, "Saved context not found"),
	CONTEXT_NAME_TAKEN("context-name-taken", HttpStatus.CONFLICT, "A saved context with this name exists"),
	TOO_MANY_AGENTS("too-many-agents", HttpStatus.CONFLICT, "Too many agents"),
	TOO_MANY_CONTEXTS("too-many-contexts", HttpStatus.CONFLICT, "Too many saved contexts"),
	// gateway
	MODEL_NOT_FOUND("model-not-found", HttpStatus.NOT_FOUND, "Model not found"),
	UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.BAD_GATEWAY, "No model provider could answer"),
	UPSTREAM_BAD_REQUEST("upstream-bad-request", HttpStatus.BAD_REQUEST, "The model provider refused the request"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private static final String BASE = "https://parley.dev/problems/";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	/** The type Parley uses for a bare HTTP status raised outside its own code. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> CONTENT_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 431 -> HEADERS_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			default -> (status >= 400 && status < 500) ? INVALID_REQUEST : INTERNAL;
		};
	}

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

	public String slug() {
		return this.slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

}
