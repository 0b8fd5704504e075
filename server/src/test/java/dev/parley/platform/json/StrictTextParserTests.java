package dev.parley.platform.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The web mapper's parsers refuse text that cannot be stored, whatever a body is read as
 * (a tree, a record, a map), from bytes or from characters, naming the field.
 */
class StrictTextParserTests {

	private final JsonMapper json = JsonMapper.builder(new StrictTextJsonFactory()).build();

	private final JsonMapper plain = JsonMapper.builder().build();

	record Preset(String role, String content) {
	}

	record Body(String title, List<Preset> presets, Map<String, String> labels) {
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{\"title\":\"a\\u0000b\"}|title|must not contain a NUL character (U+0000)",
			"{\"presets\":[{\"role\":\"user\"},{\"content\":\"\\ud83d\"}]}|presets[1].content|must not contain an unpaired surrogate, which is not valid Unicode",
			"{\"labels\":{\"k\":\"\\udc00x\"}}|labels.k|must not contain an unpaired surrogate, which is not valid Unicode",
			"{\"labels\":{\"a\\u0000\":\"v\"}}|labels|must not have a field name with a NUL character (U+0000)",
			"{\"presets\":[{\"ro\\ud800le\":\"user\"}]}|presets[0]|must not have a field name with an unpaired surrogate, which is not valid Unicode" })
	void refusesUnstorableTextAndNamesTheField(String body, String field, String reason) {
		for (Reader reader : Reader.values()) {
			assertThatExceptionOfType(UnstorableTextException.class).as(reader.name())
				.isThrownBy(() -> reader.read(this.json, body, Body.class))
				.satisfies((ex) -> {
					assertThat(ex.field()).isEqualTo(field);
					assertThat(ex.reason()).isEqualTo(reason);
				});
			assertThatExceptionOfType(UnstorableTextException.class).as(reader.name() + " as a tree")
				.isThrownBy(() -> reader.read(this.json, body, JsonNode.class))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{\"title\":\"emoji \\ud83d\\ude00, tab\\t, bell\\u0007, é 中\"}",
			"{\"labels\":{\"\\ud83d\\ude00\":\"ok\"}}" })
	void keepsEveryOtherText(String body) {
		for (Reader reader : Reader.values()) {
			assertThat(reader.read(this.json, body, Body.class)).isEqualTo(this.plain.readValue(body, Body.class));
			assertThat(reader.read(this.json, body, JsonNode.class)).isEqualTo(this.plain.readTree(body));
		}
	}

	/** The two kinds of parser Jackson makes. */
	enum Reader {

		BYTES, CHARS;

		<T> T read(JsonMapper json, String body, Class<T> type) {
			return (this == BYTES) ? json.readValue(body.getBytes(StandardCharsets.UTF_8), type)
					: json.readValue(body, type);
		}

	}

}
