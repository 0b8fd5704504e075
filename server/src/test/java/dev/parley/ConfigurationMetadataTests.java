package dev.parley;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code parley.*} setting of {@code application.yml} is documented in the
 * configuration metadata (written by the configuration processor from the properties'
 * Javadoc), which IDEs, {@code docs/modules/} and operators read.
 */
class ConfigurationMetadataTests {

	@Test
	void everyParleySettingIsDocumentedInTheMetadata() throws IOException {
		Map<String, String> documented = documentedProperties();
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties settings = yaml.getObject();
		assertThat(settings).isNotNull();
		// keySet(), not stringPropertyNames(): YAML numbers and booleans are not String
		// values.
		assertThat(settings.keySet()).map(String::valueOf)
			.filteredOn((name) -> name.startsWith("parley."))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(documented.get(name)).as("description of %s", name).isNotBlank());
	}

	private static Map<String, String> documentedProperties() throws IOException {
		Map<String, String> documented = new HashMap<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : metadata.path("properties")) {
				documented.put(property.path("name").asString(), property.path("description").asString(""));
			}
		}
		return documented;
	}

}
