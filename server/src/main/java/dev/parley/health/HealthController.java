package dev.parley.health;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.provider.ProviderCatalog;

/**
 * {@code GET /health}: one look at whether Parley can serve chats (seed-compatible): the
 * database answers, a provider is configured, uptime and version. 503 when the database
 * is down or does not answer within {@link DatabaseProbe#ANSWER_WITHIN}.
 */
@RestController
class HealthController {

	private final DatabaseProbe database;

	private final ProviderCatalog models;

	private final String version;

	HealthController(DatabaseProbe database, ProviderCatalog models, ObjectProvider<BuildProperties> build) {
		this.database = database;
		this.models = models;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
	}

	@GetMapping("/health")
	ResponseEntity<HealthReport> health() {
		boolean databaseUp = this.database.up();
		List<String> available = this.models.models();
		HealthReport report = new HealthReport(databaseUp ? "ok" : "degraded", databaseUp ? "up" : "down",
				this.models.realProviderConfigured(), available.isEmpty() ? null : available.get(0),
				Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds(), this.version);
		return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
	}

	/** The body of {@code /health}. */
	record HealthReport(String status, String database, boolean providerConfigured, String defaultModel,
			long uptimeSeconds, String version) {
	}

}
