package dev.parley.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the provider settings' former names working: {@code parley.providers.master-key}
 * and {@code previous-master-key} are now under {@code parley.provider-keys},
 * {@code parley.providers.recheck-interval} and {@code reload-interval} under
 * {@code parley.provider-catalog} (so that {@code parley.provider} is only the
 * environment's provider). A former name counts only where its new one is blank or
 * absent. Runs after the configuration files are read.
 */
class ProviderPropertyAliases implements EnvironmentPostProcessor, Ordered {

	/** The former name of each renamed setting, by its new name. */
	static final Map<String, String> FORMER_NAMES = Map.of("parley.provider-keys.master-key",
			"parley.providers.master-key", "parley.provider-keys.previous-master-key",
			"parley.providers.previous-master-key", "parley.provider-catalog.recheck-interval",
			"parley.providers.recheck-interval", "parley.provider-catalog.reload-interval",
			"parley.providers.reload-interval");

	static final String SOURCE_NAME = "parleyProviderPropertyAliases";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> aliased = new LinkedHashMap<>();
		FORMER_NAMES.forEach((name, formerName) -> {
			String former = environment.getProperty(formerName);
			if (!blank(former) && blank(environment.getProperty(name))) {
				aliased.put(name, former);
			}
		});
		if (!aliased.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, aliased));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
