package dev.parley.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Boot's (whose query
 * waits as long as the pool does): the same bounded check as {@code /health}.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseProbe probe;

	DatabaseHealthIndicator(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		return this.probe.up() ? Health.up().build()
				: Health.down()
					.withDetail("reason",
							"the database did not answer within " + DatabaseProbe.ANSWER_WITHIN.toMillis() + " ms")
					.build();
	}

}
