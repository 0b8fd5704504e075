package dev.parley.testsupport;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP answer as a test sees it: status, headers and the body as text, parsed on
 * demand.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body as text (empty when there is none)
 */
public record Response(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The body parsed as JSON. */
	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	/** The text at this JSON pointer of the body. */
	public String text(String pointer) {
		return json().at(pointer).asString();
	}

	/** The first value of this header, or null. */
	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/** Asserts a problem+json answer of this status and type slug; returns this. */
	public Response assertProblem(int status, String slug) {
		assertThat(this.status).as(this.body).isEqualTo(status);
		assertThat(this.headers.firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(text("/type")).as(this.body).isEqualTo("https://parley.dev/problems/" + slug);
		assertThat(this.body).doesNotContain("Exception").doesNotContain("at dev.parley");
		return this;
	}

	/**
	 * Asserts a 400 problem of this slug naming {@code field} (or one of its elements)
	 * among its errors; returns this.
	 */
	public Response assertField(String slug, String field) {
		assertProblem(400, slug);
		List<String> fields = new ArrayList<>();
		json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).as(this.body).anyMatch((name) -> name.equals(field) || name.startsWith(field + "["));
		return this;
	}

}
