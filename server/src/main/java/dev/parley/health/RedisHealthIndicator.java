package dev.parley.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.parley.platform.cluster.RedisLink;

/**
 * The {@code redis} component of {@code /actuator/health} when Redis is configured:
 * {@code DEGRADED} (HTTP 200, still ready) while Redis is away, because every instance
 * then serves on its own limits, event log and locks.
 */
class RedisHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Redis is away; this instance runs on its own state");

	private final RedisLink link;

	RedisHealthIndicator(RedisLink link) {
		this.link = link;
	}

	@Override
	public Health health() {
		return this.link.up() ? Health.up().build()
				: Health.status(DEGRADED)
					.withDetail("reason",
							"Redis did not answer its last ping; shared limits, cross-instance "
									+ "resume and stop are unavailable until it does")
					.build();
	}

}
