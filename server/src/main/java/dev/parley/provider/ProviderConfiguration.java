package dev.parley.provider;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the provider layer: the catalog of providers, the router with its circuit
 * breakers, the limiter, the watchdog.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ProviderProperties.class, RoutingProperties.class })
class ProviderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

	@Bean
	StreamWatchdog providerStreamWatchdog() {
		return new StreamWatchdog();
	}

	@Bean
	EnvironmentProviderCatalog providerCatalog(ProviderProperties configured, Environment environment,
			StreamWatchdog watchdog, ObjectProvider<MeterRegistry> registries) {
		MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
		ProviderProperties properties = configured.withFallbacks(environment::getProperty);
		DemoProvider demo = new DemoProvider(properties.demoWordDelay());
		if (!properties.configured()) {
			log.warn("No LLM provider is configured (set OPENAI_API_KEY and/or OPENAI_BASE_URL); offering only the"
					+ " clearly labelled demo model '{}'", DemoProvider.MODEL);
			return new EnvironmentProviderCatalog(null, null, List.of(), demo);
		}
		OpenAiAdapter.Settings settings = new OpenAiAdapter.Settings(properties.id(), properties.effectiveBaseUrl(),
				null, properties.connectTimeout(), properties.firstTokenTimeout(), properties.idleTimeout(),
				properties.requestTimeout(), properties.streamUsage());
		OpenAiAdapter adapter = new OpenAiAdapter(settings, watchdog, new ProviderMetrics(registry, properties.id()));
		List<String> keys = (properties.apiKey() == null || properties.apiKey().isBlank()) ? List.of()
				: List.of(properties.apiKey().strip());
		PooledProvider provider = new PooledProvider(properties.id(), adapter, KeyPool.of(keys), 0);
		log.info("LLM provider '{}': OpenAI-compatible at {}, default model {}", properties.id(),
				properties.effectiveBaseUrl(), properties.effectiveDefaultModel());
		return new EnvironmentProviderCatalog(provider, properties.effectiveDefaultModel(),
				properties.effectiveModels(), demo);
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
