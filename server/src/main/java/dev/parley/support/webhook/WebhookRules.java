package dev.parley.support.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.support.SupportEvent;

/**
 * Checks each field of a webhook request; every violation is a 400
 * {@code invalid-request} naming the field.
 */
final class WebhookRules {

	static final int MAX_URL_LENGTH = 2000;

	static final int MAX_DESCRIPTION_LENGTH = 500;

	static final int MIN_SECRET_LENGTH = 16;

	static final int MAX_SECRET_LENGTH = 200;

	private WebhookRules() {
	}

	/**
	 * An absolute http(s) URL with a host where the egress policy lets Parley send
	 * requests, without user information or fragment.
	 */
	static String url(@Nullable String url, EgressPolicy egress) {
		if (url == null || url.isBlank()) {
			throw ProblemException.invalid("url", "is required");
		}
		String text = url.strip();
		if (text.length() > MAX_URL_LENGTH) {
			throw ProblemException.invalid("url", "at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw ProblemException.invalid("url", "is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
				|| uri.getHost().isEmpty()) {
			throw ProblemException.invalid("url", "must be an absolute http or https URL with a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw ProblemException.invalid("url",
					"must not contain user information (receivers check the signature instead)");
		}
		if (uri.getRawFragment() != null) {
			throw ProblemException.invalid("url", "must not contain a fragment");
		}
		try {
			egress.checkBaseUrl(uri);
		}
		catch (EgressPolicy.RefusedException ex) {
			throw ProblemException.invalid("url", "may not be used: its host " + ex.getMessage());
		}
		return text;
	}

	/** The description, or null when blank. */
	static @Nullable String description(String description) {
		if (description.isBlank()) {
			return null;
		}
		String text = description.strip();
		if (text.length() > MAX_DESCRIPTION_LENGTH) {
			throw ProblemException.invalid("description", "at most " + MAX_DESCRIPTION_LENGTH + " characters");
		}
		return text;
	}

	/** Event types of {@link SupportEvent#TYPES}, each once; none means all. */
	static List<String> events(List<@Nullable String> events) {
		List<String> checked = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			String type = events.get(i);
			String field = "events[" + i + "]";
			if (type == null || !SupportEvent.TYPES.contains(type)) {
				throw ProblemException.invalid(field,
						"must be one of " + String.join(", ", SupportEvent.TYPES) + " (none listed: all)");
			}
			if (checked.contains(type)) {
				throw ProblemException.invalid(field, "'" + type + "' is listed twice");
			}
			checked.add(type);
		}
		return List.copyOf(checked);
	}

	/** A secret of 16 to 200 characters without whitespace or control characters. */
	static String secret(String secret) {
		if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
			throw ProblemException.invalid("secret",
					MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters (leave it out to have one made)");
		}
		if (secret.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw ProblemException.invalid("secret", "must not contain whitespace or control characters");
		}
		return secret;
	}

	/** The host of a URL these rules accepted, for logs and the audit log. */
	static String host(String url) {
		String host = URI.create(url).getHost();
		return (host != null) ? host : "?";
	}

}
