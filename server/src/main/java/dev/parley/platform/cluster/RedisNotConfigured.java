package dev.parley.platform.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code parley.redis.url} is not set: a single instance. */
public class RedisNotConfigured implements Condition {

	private final RedisConfigured configured = new RedisConfigured();

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !this.configured.matches(context, metadata);
	}

}
