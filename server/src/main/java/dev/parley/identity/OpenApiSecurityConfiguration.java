package dev.parley.identity;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI document (and Swagger UI's Authorize button) how calls authenticate.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "access token (JWT) or personal API key (pk_...)")
@OpenAPIDefinition(security = @SecurityRequirement(name = "bearer"))
class OpenApiSecurityConfiguration {

}
