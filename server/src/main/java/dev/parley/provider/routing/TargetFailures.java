package dev.parley.provider.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.RouteTarget;

/**
 * Where the detail of a failed upstream call goes, since users only get its code and a
 * fixed message: one WARN line per failure, and the last failure of each target (on this
 * instance) for the administrators' routing view. Thread-safe.
 */
final class TargetFailures {

	private static final Logger log = LoggerFactory.getLogger(TargetFailures.class);

	private final Map<String, LastFailure> last = new ConcurrentHashMap<>();

	private final Clock clock;

	TargetFailures(Clock clock) {
		this.clock = clock;
	}

	/** Logs and keeps a failed call to {@code target}; a cancel is no failure. */
	void record(RouteTarget target, ProviderException failure) {
		if (failure.failure() == ProviderFailure.CANCELLED) {
			return;
		}
		Integer status = (failure.httpStatus() > 0) ? failure.httpStatus() : null;
		log.warn("Model provider call to {} failed ({}{}): {}", target.key(), failure.failure().code(),
				(status != null) ? ", HTTP " + status : "", failure.detail());
		this.last.put(target.key(),
				new LastFailure(this.clock.instant(), failure.failure().code(), status, failure.detail()));
	}

	/** The last failure of the target named {@code targetKey}, if it ever failed. */
	Optional<LastFailure> last(String targetKey) {
		return Optional.ofNullable(this.last.get(targetKey));
	}

	/**
	 * A target's last failure: when, its code, the upstream's HTTP status (null without
	 * one) and what happened (the upstream's error message or the start of its body, the
	 * address that could not be reached, ...).
	 */
	record LastFailure(Instant at, String code, @Nullable Integer httpStatus, String detail) {
	}

}
