package dev.parley.provider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.parley.provider.catalog.CatalogConfiguration;
import dev.parley.provider.egress.EgressConfiguration;
import dev.parley.provider.keys.KeysConfiguration;
import dev.parley.provider.routing.RoutingConfiguration;
import dev.parley.provider.transport.TransportConfiguration;

/**
 * Wires the provider module: the environment's provider settings, and the configuration
 * of each sub-package (transport, egress, keys, catalog, routing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
@Import({ TransportConfiguration.class, EgressConfiguration.class, KeysConfiguration.class, CatalogConfiguration.class,
		RoutingConfiguration.class })
class ProviderConfiguration {

}
