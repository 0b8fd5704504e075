package dev.parley.gateway;

import java.net.URI;

/**
 * Which of the gateway's protocols a request path belongs to: everything under
 * {@code /v1} is OpenAI's, except Anthropic's {@code /v1/messages}.
 */
public final class GatewayPaths {

	/** Anthropic's Messages endpoint. */
	public static final String MESSAGES = "/v1/messages";

	private GatewayPaths() {
	}

	/**
	 * The path of {@code pathOrUri} (a request path, or an absolute URI as some error
	 * pages give it), or null when there is none.
	 */
	public static String pathOf(String pathOrUri) {
		if (pathOrUri == null) {
			return null;
		}
		if (pathOrUri.startsWith("http://") || pathOrUri.startsWith("https://")) {
			try {
				return URI.create(pathOrUri).getPath();
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return pathOrUri;
	}

	/** Whether {@code path} is under {@code /v1}. */
	public static boolean isGateway(String path) {
		return path != null && (path.equals("/v1") || path.startsWith("/v1/"));
	}

	/** Whether {@code path} is Anthropic's: {@code /v1/messages} or below it. */
	public static boolean isAnthropic(String path) {
		return path != null && (path.equals(MESSAGES) || path.startsWith(MESSAGES + "/"));
	}

}
