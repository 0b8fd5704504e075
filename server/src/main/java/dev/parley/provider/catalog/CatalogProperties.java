package dev.parley.provider.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances see the providers managed through the admin API
 * ({@code parley.provider-catalog.*}; the old {@code parley.providers.*} names still
 * work).
 *
 * @param recheckInterval how often, at most, an instance checks whether another one
 * changed a provider
 * @param reloadInterval how often an instance re-reads every provider regardless
 */
@ConfigurationProperties("parley.provider-catalog")
public record CatalogProperties(@DefaultValue("2s") Duration recheckInterval,
		@DefaultValue("30s") Duration reloadInterval) {

}
