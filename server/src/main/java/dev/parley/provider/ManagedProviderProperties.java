package dev.parley.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the providers managed through the admin API ({@code parley.providers.*}).
 *
 * @param masterKey base64 of 32 random bytes that encrypts the providers' API keys
 * ({@code PARLEY_MASTER_KEY}); empty means generated once into the data directory as
 * {@code master.key}. Every instance of a cluster needs the same value.
 * @param previousMasterKey the master key before a rotation
 * ({@code PARLEY_MASTER_KEY_PREVIOUS}): keys sealed under it are still read, and
 * re-sealed under {@code masterKey} at start-up; empty when not rotating
 * @param recheckInterval how often, at most, an instance checks whether another one
 * changed a provider
 * @param reloadInterval how often an instance re-reads every provider regardless
 */
@ConfigurationProperties("parley.providers")
public record ManagedProviderProperties(String masterKey, String previousMasterKey,
		@DefaultValue("2s") Duration recheckInterval, @DefaultValue("30s") Duration reloadInterval) {

}
