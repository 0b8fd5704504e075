package dev.parley.provider.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderProtocol;
import dev.parley.provider.egress.EgressPolicy;

/**
 * Checks each field of a provider request; every violation is a 400 problem naming the
 * field.
 */
final class ProviderRules {

	static final int MAX_KEYS = 20;

	static final int MAX_KEY_LENGTH = 1000;

	static final int MAX_MODELS = 200;

	static final int MAX_MODEL_LENGTH = 200;

	static final int MAX_URL_LENGTH = 500;

	static final int MAX_CONCURRENCY = 100_000;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private static final Pattern API_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,50}");

	private ProviderRules() {
	}

	static String name(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw ProblemException.invalid("name",
					"1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (no '/')");
		}
		return name;
	}

	static ProviderProtocol protocol(String protocol) {
		ProviderProtocol parsed = ProviderProtocol.parse(protocol);
		if (parsed == null) {
			throw ProblemException.invalid("protocol", "must be 'openai' or 'anthropic'");
		}
		return parsed;
	}

	/**
	 * A base URL that is an absolute http(s) URL with a host where {@code egress} lets
	 * providers point.
	 */
	static String baseUrl(String url, EgressPolicy egress) {
		if (url == null || url.isBlank()) {
			throw ProblemException.invalid("base_url", "is required");
		}
		String text = url.strip();
		if (text.length() > MAX_URL_LENGTH) {
			throw ProblemException.invalid("base_url", "at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw ProblemException.invalid("base_url", "is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
				|| uri.getHost().isEmpty()) {
			throw ProblemException.invalid("base_url", "must be an absolute http or https URL with a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw ProblemException.invalid("base_url", "must not contain user information (put keys in api_keys)");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw ProblemException.invalid("base_url",
					"must not contain a query or fragment (Azure's api-version goes in api_version)");
		}
		try {
			egress.checkBaseUrl(uri);
		}
		catch (EgressPolicy.RefusedException ex) {
			throw ProblemException.invalid("base_url", "may not be used: its host " + ex.getMessage());
		}
		return text;
	}

	/** The version, or null when absent or blank. */
	static String apiVersion(String version) {
		if (version == null || version.isBlank()) {
			return null;
		}
		if (!API_VERSION.matcher(version.strip()).matches()) {
			throw ProblemException.invalid("api_version", "1 to 50 letters, digits, '.', '_' or '-'");
		}
		return version.strip();
	}

	static List<String> apiKeys(List<String> keys) {
		if (keys.size() > MAX_KEYS) {
			throw ProblemException.invalid("api_keys", "at most " + MAX_KEYS + " keys");
		}
		for (int i = 0; i < keys.size(); i++) {
			requireToken(keys.get(i), "api_keys[" + i + "]", MAX_KEY_LENGTH);
		}
		return List.copyOf(keys);
	}

	static List<String> models(List<String> models) {
		if (models == null || models.isEmpty()) {
			throw ProblemException.invalid("models", "at least one model is required");
		}
		if (models.size() > MAX_MODELS) {
			throw ProblemException.invalid("models", "at most " + MAX_MODELS + " models");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < models.size(); i++) {
			String model = models.get(i);
			String field = "models[" + i + "]";
			requireToken(model, field, MAX_MODEL_LENGTH);
			if (!seen.add(model)) {
				throw ProblemException.invalid(field, "'" + model + "' is listed twice");
			}
		}
		return List.copyOf(models);
	}

	/**
	 * Rejects an entry of a list of keys or models that is empty, longer than
	 * {@code maxLength} or holds whitespace or control characters.
	 */
	private static void requireToken(String value, String field, int maxLength) {
		if (value == null || value.isEmpty()) {
			throw ProblemException.invalid(field, "must not be empty");
		}
		if (value.length() > maxLength) {
			throw ProblemException.invalid(field, "at most " + maxLength + " characters");
		}
		if (value.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw ProblemException.invalid(field, "must not contain whitespace or control characters");
		}
	}

	/** A timeout in milliseconds within {@code [min, max]}. */
	static int timeout(String field, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			throw ProblemException.invalid(field, "must be between " + min + " and " + max + " milliseconds");
		}
		return value;
	}

	/** Null (the configured default) for 0, else 1 to 100000. */
	static Integer maxConcurrency(Integer value) {
		if (value == null || value == 0) {
			return null;
		}
		if (value < 0 || value > MAX_CONCURRENCY) {
			throw ProblemException.invalid("max_concurrency",
					"must be between 1 and " + MAX_CONCURRENCY + ", or 0 for the default");
		}
		return value;
	}

}
