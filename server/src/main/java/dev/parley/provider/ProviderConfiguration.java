package dev.parley.provider;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.ParleyProperties;
import dev.parley.platform.json.StorageJson;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the provider layer: the catalog of providers (environment, database, demo) with
 * the master key of their API keys, the router with its circuit breakers, the limiter,
 * the watchdog.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ProviderProperties.class, ManagedProviderProperties.class, RoutingProperties.class })
class ProviderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

	@Bean
	StreamWatchdog providerStreamWatchdog() {
		return new StreamWatchdog();
	}

	@Bean
	KeyCipher providerKeyCipher(ManagedProviderProperties properties, ParleyProperties parley) {
		String previous = properties.previousMasterKey();
		return new KeyCipher(MasterKey.load(properties.masterKey(), parley.dataDir()),
				(previous != null && !previous.isBlank()) ? MasterKey.key(MasterKey.decode(previous.strip(),
						"parley.providers.previous-master-key (PARLEY_MASTER_KEY_PREVIOUS)")) : null);
	}

	/**
	 * At start-up, keys sealed under the previous master key are re-sealed under the new
	 * one.
	 */
	@Bean
	ApplicationRunner providerKeyRotation(ProviderStore store, KeyCipher cipher, Clock clock) {
		return (arguments) -> {
			if (cipher.rotating()) {
				new MasterKeyRotation(store, cipher, clock).run();
			}
		};
	}

	@Bean
	ProviderStore providerStore(JdbcClient jdbc, @StorageJson JsonMapper json) {
		return new ProviderStore(jdbc, json);
	}

	@Bean
	ProviderFactory providerFactory(KeyCipher cipher, ProviderStore store, StreamWatchdog watchdog,
			ObjectProvider<MeterRegistry> registries, Clock clock, @StorageJson JsonMapper json) {
		MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
		return new ProviderFactory(cipher, watchdog, registry, new KeyRejections(store, registry, clock), json);
	}

	@Bean
	DatabaseProviderCatalog providerCatalog(ProviderProperties configured, ManagedProviderProperties managed,
			Environment environment, StreamWatchdog watchdog, ProviderStore store, ProviderFactory factory,
			ObjectProvider<MeterRegistry> registries, @StorageJson JsonMapper json) {
		ProviderProperties properties = configured.withFallbacks(environment::getProperty);
		DemoProvider demo = new DemoProvider(properties.demoWordDelay());
		RuntimeProviders stored = new RuntimeProviders(store, factory, managed.recheckInterval(),
				managed.reloadInterval());
		if (!properties.configured()) {
			log.warn(
					"No LLM provider is configured (set OPENAI_API_KEY and/or OPENAI_BASE_URL, or add one with the"
							+ " admin API); offering only the clearly labelled demo model '{}' while none exists",
					DemoProvider.MODEL);
			return new DatabaseProviderCatalog(null, stored, demo);
		}
		EnvironmentProvider provider = new EnvironmentProvider(properties, watchdog,
				registries.getIfAvailable(SimpleMeterRegistry::new), json);
		log.info("LLM provider '{}': OpenAI-compatible at {}, default model {}", properties.id(),
				properties.effectiveBaseUrl(), properties.effectiveDefaultModel());
		return new DatabaseProviderCatalog(provider, stored, demo);
	}

	@Bean
	DefaultUpstreamLimiter upstreamLimiter(ProviderProperties properties, ObjectProvider<MeterRegistry> registries) {
		return new DefaultUpstreamLimiter(properties.maxConcurrency(), properties.maxConcurrencyPerProvider(),
				registries.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	CircuitBreakerRegistry routeCircuitBreakers(RoutingProperties properties,
			ObjectProvider<MeterRegistry> registries) {
		RoutingProperties.Breaker breaker = properties.breaker();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.openFor())
			.permittedNumberOfCallsInHalfOpenState(breaker.probeCalls())
			.build();
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(config);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers)
			.bindTo(registries.getIfAvailable(SimpleMeterRegistry::new));
		return circuitBreakers;
	}

	@Bean
	DefaultChatRouter chatRouter(ProviderCatalog catalog, UpstreamLimiter limiter, CircuitBreakerRegistry breakers,
			RoutingProperties properties, ObjectProvider<MeterRegistry> registries) {
		return new DefaultChatRouter(catalog, limiter, breakers, properties,
				new RoutingMetrics(registries.getIfAvailable(SimpleMeterRegistry::new)));
	}

}
