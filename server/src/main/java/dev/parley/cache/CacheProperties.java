package dev.parley.cache;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The response cache ({@code parley.cache.*}); whether a call uses it is decided per
 * agent.
 *
 * @param maxEntries most replies kept in this process (without Redis); beyond it the
 * least used go first
 * @param ttl how long a reply is reused
 * @param maxReplyChars replies longer than this are not cached
 */
@ConfigurationProperties("parley.cache")
@Validated
record CacheProperties(@DefaultValue("10000") @Positive long maxEntries, @DefaultValue("1h") Duration ttl,
		@DefaultValue("100000") @Positive int maxReplyChars) {

	CacheProperties {
		if (ttl.isNegative() || ttl.isZero() || ttl.toMillis() < 1000) {
			throw new IllegalArgumentException("parley.cache.ttl must be at least 1s, was " + ttl);
		}
	}

}
