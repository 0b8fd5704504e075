package dev.parley.provider;

import java.util.List;

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
 * Wires the provider layer: the router (real provider or demo), the limiter, the
 * watchdog.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
class ProviderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

	@Bean
	StreamWatchdog providerStreamWatchdog() {
		return new StreamWatchdog();
	}

	@Bean
	DefaultModelRouter modelRouter(ProviderProperties configured, Environment environment, StreamWatchdog watchdog,
			ObjectProvider<MeterRegistry> registries) {
		MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
		ProviderProperties properties = configured.withFallbacks(environment::getProperty);
		DemoProvider demo = new DemoProvider(properties.demoWordDelay());
		if (!properties.configured()) {
			log.warn("No LLM provider is configured (set OPENAI_API_KEY and/or OPENAI_BASE_URL); offering only the"
					+ " clearly labelled demo model '{}'", DemoProvider.MODEL);
			return new DefaultModelRouter(null, null, List.of(), demo);
		}
		OpenAiCompatibleProvider.Settings settings = new OpenAiCompatibleProvider.Settings(properties.id(),
				properties.effectiveBaseUrl(), properties.apiKey(), properties.connectTimeout(),
				properties.firstTokenTimeout(), properties.idleTimeout(), properties.requestTimeout(),
				properties.streamUsage());
		OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(settings, watchdog,
				new ProviderMetrics(registry, properties.id()));
		log.info("LLM provider '{}': OpenAI-compatible at {}, default model {}", properties.id(),
				properties.effectiveBaseUrl(), properties.effectiveDefaultModel());
		return new DefaultModelRouter(provider, properties.effectiveDefaultModel(), properties.effectiveModels(), demo);
	}

	@Bean
	DefaultUpstreamLimiter upstreamLimiter(ProviderProperties properties, ObjectProvider<MeterRegistry> registries) {
		return new DefaultUpstreamLimiter(properties.maxConcurrency(), properties.maxConcurrencyPerProvider(),
				registries.getIfAvailable(SimpleMeterRegistry::new));
	}

}
