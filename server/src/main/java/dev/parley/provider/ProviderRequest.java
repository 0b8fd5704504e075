package dev.parley.provider;

import java.util.List;

/**
 * The body of {@code POST} and {@code PATCH /api/v1/admin/providers}: on PATCH an absent
 * (null) field stays as it is, {@code api_keys} replaces the whole list (and clears
 * refusals), {@code api_version: ""} clears the version and {@code max_concurrency: 0}
 * means the configured default.
 */
record ProviderRequest(String name, String protocol, String baseUrl, String apiVersion, List<String> apiKeys,
		List<String> models, Integer connectTimeoutMs, Integer firstTokenTimeoutMs, Integer idleTimeoutMs,
		Integer requestTimeoutMs, Integer maxConcurrency, Boolean enabled) {

}
