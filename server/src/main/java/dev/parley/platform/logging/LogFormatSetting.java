package dev.parley.platform.logging;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code parley.log.format} ({@code PARLEY_LOG_FORMAT}) into Spring Boot's logging
 * settings before logging starts: {@code json} writes the console as structured logging
 * in the Elastic Common Schema ({@code logging.structured.format.console=ecs}, one JSON
 * object per line), {@code text} (the default) leaves the usual lines. An explicit
 * {@code logging.structured.format.console} (say {@code logstash} or {@code gelf}) wins;
 * any other value fails the start with a message that names the setting.
 */
class LogFormatSetting implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "parley.log.format";

	static final String CONSOLE_FORMAT = "logging.structured.format.console";

	static final String SOURCE_NAME = "parleyLogFormat";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
		switch (format) {
			case "", "text" -> {
			}
			case "json" -> {
				if (!environment.containsProperty(CONSOLE_FORMAT)) {
					environment.getPropertySources()
						.addFirst(new MapPropertySource(SOURCE_NAME, Map.of(CONSOLE_FORMAT, "ecs")));
				}
			}
			default -> throw new IllegalStateException(
					PROPERTY + " (PARLEY_LOG_FORMAT) must be 'text' or 'json', not '" + format + "'");
		}
	}

	/** After the configuration files are read, before logging is set up. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
