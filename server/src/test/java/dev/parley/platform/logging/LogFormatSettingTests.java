package dev.parley.platform.logging;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@code PARLEY_LOG_FORMAT} turned into Spring Boot's structured logging setting. */
class LogFormatSettingTests {

	@Test
	void jsonMeansElasticCommonSchemaOnTheConsole() {
		assertThat(consoleFormatWith(Map.of("PARLEY_LOG_FORMAT", "JSON"))).isEqualTo("ecs");
	}

	@Test
	void textOrNothingLeavesTheUsualLines() {
		assertThat(consoleFormatWith(Map.of())).isNull();
		assertThat(consoleFormatWith(Map.of("PARLEY_LOG_FORMAT", "text"))).isNull();
	}

	@Test
	void anExplicitStructuredFormatWins() {
		assertThat(
				consoleFormatWith(Map.of("PARLEY_LOG_FORMAT", "json", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash")))
			.isEqualTo("logstash");
	}

	@Test
	void anUnknownFormatStopsTheStartNamingTheSetting() {
		assertThatIllegalStateException().isThrownBy(() -> consoleFormatWith(Map.of("PARLEY_LOG_FORMAT", "yaml")))
			.withMessage("parley.log.format (PARLEY_LOG_FORMAT) must be 'text' or 'json', not 'yaml'");
	}

	/**
	 * What the console format is after the setting ran, with {@code variables} as the
	 * environment and application.yml's mapping of {@code PARLEY_LOG_FORMAT}.
	 */
	private static String consoleFormatWith(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("test-environment", variables));
		environment.getPropertySources()
			.addLast(
					new MapPropertySource("application.yml", Map.of("parley.log.format", "${PARLEY_LOG_FORMAT:text}")));
		new LogFormatSetting().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty(LogFormatSetting.CONSOLE_FORMAT);
	}

}
