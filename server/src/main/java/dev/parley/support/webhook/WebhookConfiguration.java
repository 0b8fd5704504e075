package dev.parley.support.webhook;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.provider.egress.EgressPolicy;

/** Binds {@code parley.support.webhooks.*} and makes this instance's sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	@Bean
	WebhookSender webhookSender(DeliveryRepository deliveries, WebhookProperties properties, EgressPolicy egress,
			WebhookMetrics metrics, Clock clock) {
		return new WebhookSender(deliveries, properties, egress, metrics, clock);
	}

}
