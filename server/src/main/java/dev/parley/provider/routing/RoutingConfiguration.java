package dev.parley.provider.routing;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.UpstreamLimiter;

/** The router with a circuit breaker per route target, and the upstream limiter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingConfiguration {

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
	TargetFailures targetFailures(Clock clock) {
		return new TargetFailures(clock);
	}

	@Bean
	DefaultChatRouter chatRouter(ProviderCatalog catalog, UpstreamLimiter limiter, CircuitBreakerRegistry breakers,
			RoutingProperties properties, ObjectProvider<MeterRegistry> registries, TargetFailures failures) {
		return new DefaultChatRouter(catalog, limiter, breakers, properties,
				new RoutingMetrics(registries.getIfAvailable(SimpleMeterRegistry::new)), failures);
	}

}
