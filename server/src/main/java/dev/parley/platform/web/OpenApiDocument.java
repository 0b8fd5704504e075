package dev.parley.platform.web;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's ({@code /v3/api-docs}) required {@code info}: title, the build's
 * version, a description.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String TITLE = "Parley API";

	static final String DESCRIPTION = "Parley, a self-hostable AI chat service: accounts, sessions and API keys; "
			+ "conversations whose replies stream as server-sent events (resumable); agents and saved contexts; "
			+ "an OpenAI-compatible gateway under /v1; the administration of users and providers. Errors are "
			+ "RFC 9457 problem+json with a stable type URI. Every response carries x-request-id.";

	@Bean
	OpenApiCustomizer openApiInfo(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null && properties.getVersion() != null) ? properties.getVersion()
				: "development";
		return (openApi) -> openApi.info(new Info().title(TITLE).version(version).description(DESCRIPTION));
	}

}
