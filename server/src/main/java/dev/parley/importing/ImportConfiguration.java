package dev.parley.importing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.web.RequestBodyLimit;

/** The import feature's settings, and its uploads' own body limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

	/**
	 * Uploads to {@code /api/v1/imports} may be as large as
	 * {@code parley.import.max-bytes}.
	 */
	@Bean
	RequestBodyLimit importBodyLimit(ImportProperties properties) {
		return new RequestBodyLimit(ImportController.PATH, properties.maxBytes().toBytes());
	}

}
