package dev.parley.health;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.provider.ProviderCatalog;

/**
 * {@code GET /health}: one look at whether Parley can serve chats (seed-compatible): the
 * database answers, Redis answers (when configured), a provider is configured, uptime and
 * version. 503 when the database is down or does not answer within
 * {@link DatabaseProbe#ANSWER_WITHIN}; {@code degraded} with 200 while only Redis is
 * away, since every instance then serves on its own state. 503 {@code starting} until the
 * application is ready (every start-up step done, such as the first administrator), and
 * {@code stopping} once it shuts down, so a load balancer or a script waiting for it
 * sends nothing too early or too late.
 */
@RestController
class HealthController {

	private final DatabaseProbe database;

	private final ProviderCatalog models;

	private final String version;

	private final @Nullable RedisLink redis;

	private final ApplicationAvailability availability;

	HealthController(DatabaseProbe database, ProviderCatalog models, ObjectProvider<BuildProperties> build,
			ObjectProvider<RedisLink> redis, ApplicationAvailability availability) {
		this.database = database;
		this.availability = availability;
		this.redis = redis.getIfAvailable();
		this.models = models;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
	}

	@GetMapping("/health")
	ResponseEntity<HealthReport> health() {
		boolean databaseUp = this.database.up();
		String redisState = (this.redis == null) ? null : this.redis.up() ? "up" : "down";
		boolean degraded = !databaseUp || "down".equals(redisState);
		String readiness = readiness();
		String status = (readiness != null) ? readiness : degraded ? "degraded" : "ok";
		List<String> available = this.models.models();
		HealthReport report = new HealthReport(status, databaseUp ? "up" : "down", redisState,
				this.models.realProviderConfigured(), available.isEmpty() ? null : available.get(0),
				Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds(), this.version);
		boolean serving = databaseUp && readiness == null;
		return ResponseEntity.status(serving ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
	}

	/**
	 * {@code starting} or {@code stopping} while not accepting traffic; null once ready.
	 */
	private @Nullable String readiness() {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			return null;
		}
		return (this.availability.getLastChangeEvent(ReadinessState.class) == null) ? "starting" : "stopping";
	}

	/** The body of {@code /health}; {@code redis} only when Redis is configured. */
	record HealthReport(String status, String database,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String redis, boolean providerConfigured,
			String defaultModel, long uptimeSeconds, String version) {
	}

}
