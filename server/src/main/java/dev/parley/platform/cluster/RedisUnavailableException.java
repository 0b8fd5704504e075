package dev.parley.platform.cluster;

/** Redis cannot be reached now; callers fall back to what this instance holds. */
public class RedisUnavailableException extends RuntimeException {

	public RedisUnavailableException(String message) {
		super(message);
	}

}
