package dev.parley.identity;

import java.time.Duration;

/**
 * Request limits of other features for subjects that are not Parley users (the visitors
 * of the support widget), on the same buckets as the API's limits (in-process, or shared
 * through Redis), with the same problem.
 */
public interface SubjectRateLimit {

	/**
	 * Counts one event of {@code subject} against {@code capacity} per {@code period} of
	 * the limit {@code name} (its metric tag and key prefix); a capacity of 0 is
	 * unlimited.
	 * @throws dev.parley.platform.problem.RetryLaterException {@code rate-limited} when
	 * the bucket is empty
	 */
	void consume(String name, long capacity, Duration period, String subject);

}
