package dev.parley.provider.admin;

import java.util.List;

/**
 * The body of {@code POST} and {@code PATCH /api/v1/admin/providers}: on PATCH an absent
 * (null) field stays as it is, {@code api_keys} replaces the whole list (and clears
 * refusals), {@code api_version: ""} clears the version and {@code max_concurrency: 0}
 * means the configured default. {@code stream_usage} (default true) asks an
 * OpenAI-protocol upstream for usage in streams; turn it off for a server that rejects
 * {@code stream_options}.
 */
record ProviderRequest(String name, String protocol, String baseUrl, String apiVersion, List<String> apiKeys,
		List<String> models, Integer connectTimeoutMs, Integer firstTokenTimeoutMs, Integer idleTimeoutMs,
		Integer requestTimeoutMs, Integer maxConcurrency, Boolean streamUsage, Boolean enabled) {

}
