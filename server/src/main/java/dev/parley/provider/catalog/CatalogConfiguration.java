package dev.parley.provider.catalog;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.StorageJson;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.transport.StreamWatchdog;

/**
 * The catalog of providers: the environment's, the stored ones (with their table) and the
 * demo.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

	@Bean
	ProviderRepository providerRepository(JdbcClient jdbc, @StorageJson JsonMapper json) {
		return new ProviderRepository(jdbc, json);
	}

	@Bean
	ProviderFactory providerFactory(KeyCipher cipher, ProviderRepository store, StreamWatchdog watchdog,
			EgressPolicy egress, ObjectProvider<MeterRegistry> registries, Clock clock, @StorageJson JsonMapper json) {
		MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
		return new ProviderFactory(cipher, watchdog, egress, registry, new KeyRejections(store, registry, clock), json);
	}

	@Bean
	DatabaseProviderCatalog providerCatalog(ProviderProperties properties, CatalogProperties catalog,
			StreamWatchdog watchdog, EgressPolicy egress, ProviderRepository store, ProviderFactory factory,
			ObjectProvider<MeterRegistry> registries, @StorageJson JsonMapper json) {
		DemoProvider demo = new DemoProvider(properties.demoWordDelay());
		RuntimeProviders stored = new RuntimeProviders(store, factory, catalog.recheckInterval(),
				catalog.reloadInterval());
		if (!properties.configured()) {
			log.warn(
					"No LLM provider is configured (set OPENAI_API_KEY and/or OPENAI_BASE_URL, or add one with the"
							+ " admin API); offering only the clearly labelled demo model '{}' while none exists",
					DemoProvider.MODEL);
			return new DatabaseProviderCatalog(null, stored, demo);
		}
		EnvironmentProvider provider = new EnvironmentProvider(properties, watchdog, egress,
				registries.getIfAvailable(SimpleMeterRegistry::new), json);
		log.info("LLM provider '{}': OpenAI-compatible at {}, default model {}", properties.id(),
				properties.effectiveBaseUrl(), properties.effectiveDefaultModel());
		return new DatabaseProviderCatalog(provider, stored, demo);
	}

}
