package dev.parley.provider.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key of the providers managed through the admin API
 * ({@code parley.provider-keys.*}; the old {@code parley.providers.*} names still work).
 *
 * @param masterKey base64 of 32 random bytes that encrypts the providers' API keys
 * ({@code PARLEY_MASTER_KEY}); empty means generated once into the data directory as
 * {@code master.key}. Every instance of a cluster needs the same value.
 * @param previousMasterKey the master key before a rotation
 * ({@code PARLEY_MASTER_KEY_PREVIOUS}): keys sealed under it are still read, and
 * re-sealed under {@code masterKey} at start-up; empty when not rotating
 */
@ConfigurationProperties("parley.provider-keys")
public record ProviderKeysProperties(String masterKey, String previousMasterKey) {

}
