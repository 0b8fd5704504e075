package dev.parley.gateway;

import java.time.LocalDate;

/**
 * What one API key used through the gateway on one UTC day.
 *
 * @param apiKeyId the key's id
 * @param name the key's name
 * @param prefix the first characters of the key, to recognise it
 * @param day the UTC day
 * @param requests completions answered
 * @param promptTokens prompt tokens (reported by the provider, or counted)
 * @param completionTokens completion tokens
 * @param totalTokens their sum
 */
record KeyUsage(String apiKeyId, String name, String prefix, LocalDate day, long requests, long promptTokens,
		long completionTokens, long totalTokens) {

}
