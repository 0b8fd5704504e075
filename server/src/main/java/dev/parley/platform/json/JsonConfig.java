package dev.parley.platform.json;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parley's JSON rules on top of {@code application.yml}: enums are written in lower case
 * (read in any case), and a value of the wrong JSON type is an error rather than silently
 * coerced ({@code "title": 5}, {@code "pinned": "yes"}).
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

	@Bean
	JsonMapperBuilderCustomizer parleyJsonRules() {
		return (builder) -> {
			builder.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE);
			builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
			builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
			builder.withCoercionConfig(LogicalType.Textual, (config) -> {
				config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			});
		};
	}

}
