package dev.parley.platform.job;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code parley.jobs.runs}: each slot a job was due on this instance, by outcome
 * ({@code ran} here, {@code skipped} because another instance held the lock,
 * {@code failed}), with how long it took.
 */
@Component
class JobMetrics {

	static final String RUNS = "parley.jobs.runs";

	private final MeterRegistry registry;

	JobMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Registers the job's series, so that they exist (at zero) before its first run. */
	void register(String job) {
		for (Outcome outcome : Outcome.values()) {
			timer(job, outcome);
		}
	}

	void record(String job, Outcome outcome, Duration took) {
		timer(job, outcome).record(took);
	}

	private Timer timer(String job, Outcome outcome) {
		return Timer.builder(RUNS)
			.description("Slots of once-per-cluster jobs due on this instance, by outcome")
			.tag("job", job)
			.tag("outcome", outcome.tag())
			.register(this.registry);
	}

	/** What became of one slot on this instance. */
	enum Outcome {

		RAN, SKIPPED, FAILED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
