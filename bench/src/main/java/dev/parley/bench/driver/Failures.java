package dev.parley.bench.driver;

import java.util.Map;

/**
 * Why streams did not complete.
 *
 * @param httpStatus non-200 responses by status code
 * @param errorEvents streams that ended with an error event
 * @param dropped streams cut before their end event (EOF or I/O error mid-stream)
 * @param timeouts streams the driver had to abandon at the phase deadline
 * @param connectFailures requests that got no response (connect error, setup failure)
 * @param incomplete streams that ended normally but with no token or a non-complete
 * status
 */
record Failures(Map<Integer, Long> httpStatus, long errorEvents, long dropped, long timeouts, long connectFailures,
		long incomplete) {

	long httpErrors() {
		return this.httpStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	long total() {
		return httpErrors() + this.errorEvents + this.dropped + this.timeouts + this.connectFailures + this.incomplete;
	}

}
