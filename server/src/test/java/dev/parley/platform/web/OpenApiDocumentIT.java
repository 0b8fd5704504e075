package dev.parley.platform.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document has what the specification requires of it: {@code openapi}, and an
 * {@code info} object with a title and a version (the build's), plus a description.
 */
class OpenApiDocumentIT extends WholeAppTestBase {

	@Test
	void theDocumentHasItsRequiredInfo() {
		Response response = send("GET", "/v3/api-docs", null, null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode document = response.json();
		assertThat(document.get("openapi").asString()).startsWith("3.");
		JsonNode info = document.get("info");
		assertThat(info).as("the info object").isNotNull();
		assertThat(info.get("title").asString()).isEqualTo("Parley API");
		assertThat(info.get("version").asString()).as("the build's version").matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(info.get("description").asString()).contains("OpenAI-compatible gateway");
		assertThat(document.at("/paths/~1v1~1chat~1completions/post")).as("the gateway is documented").isNotNull();
	}

}
