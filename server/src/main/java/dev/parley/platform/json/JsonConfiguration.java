package dev.parley.platform.json;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Parley's two JSON mappers. The web layer's (Spring Boot's, with {@code application.yml}
 * and these rules on top): enums are written in lower case (read in any case), a value of
 * the wrong JSON type is an error rather than silently coerced ({@code "title": 5},
 * {@code "pinned": "yes"}), and text that {@link StorableText cannot be stored} is
 * refused wherever it is in a body. And the {@link StorageJson storage mapper}.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

	/**
	 * The {@link StorageJson storage mapper}: Jackson's defaults. Not a candidate for
	 * unqualified injection, so that the web layer keeps Spring Boot's mapper. Tests that
	 * build their parts by hand use this method too.
	 */
	@Bean(defaultCandidate = false)
	@StorageJson
	public static JsonMapper storageJsonMapper() {
		return JsonMapper.builder().build();
	}

	/**
	 * Spring Boot's builder of the web mapper (its customizers, {@code application.yml}
	 * included, in their order) on a factory whose parsers refuse text that cannot be
	 * stored: a factory is fixed when a builder is made, so this replaces Boot's.
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	static JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper.builder(new StrictTextJsonFactory());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

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
