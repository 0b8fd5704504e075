package dev.parley.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.StorageJson;

/**
 * Wires the response cache: in Redis when Redis is configured (so instances share it), in
 * this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

	@Bean
	ResponseCache responseCache(CacheProperties properties, ObjectProvider<RedisLink> redis, MeterRegistry registry,
			@StorageJson JsonMapper json) {
		RedisLink link = redis.getIfAvailable();
		CacheStore store = (link != null) ? new RedisCacheStore(link, properties.ttl(), new CacheOutage(registry), json)
				: new CaffeineCacheStore(properties.maxEntries(), properties.ttl(), Ticker.systemTicker());
		return new DefaultResponseCache(store, properties.maxReplyChars(), registry);
	}

}
