package dev.parley.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.web.EncodedSlashRoute;

/**
 * Model ids hold slashes ({@code provider/model}) and OpenAI's SDKs send them encoded
 * ({@code GET /v1/models/provider%2Fmodel}): the web server lets that route have them.
 */
@Configuration(proxyBeanMethods = false)
class ModelIdRoute {

	@Bean
	EncodedSlashRoute modelIds() {
		return new EncodedSlashRoute("/v1/models/");
	}

}
