package dev.parley.health;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /health} of a single instance: the seed's summary, without a {@code redis}
 * member when no Redis is configured (a cluster's is tested in ClusterIT).
 */
class HealthIT extends WholeAppTestBase {

	@Test
	void aSingleInstanceReportsItsDatabaseAndNoRedis() {
		Response health = call("GET", "/health", null);
		assertThat(health.status()).isEqualTo(200);
		JsonNode body = health.json();
		assertThat(body.get("status").asString()).isEqualTo("ok");
		assertThat(body.get("database").asString()).isEqualTo("up");
		assertThat(body.has("redis")).as(health.body()).isFalse();
		assertThat(body.has("uptime_seconds")).isTrue();
	}

}
