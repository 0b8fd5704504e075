package dev.parley.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the masking policy from {@code parley.privacy.masking.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaskingProperties.class)
class PrivacyConfiguration {

	@Bean
	MessageMasking messageMasking(MaskingProperties properties) {
		if (!properties.enabled() || properties.kinds().isEmpty()) {
			return MessageMasking.off();
		}
		return new MessageMasking(new SensitiveDataMasker(properties.kinds()),
				properties.targets().contains(MaskingTarget.PROVIDER),
				properties.targets().contains(MaskingTarget.STORAGE));
	}

}
