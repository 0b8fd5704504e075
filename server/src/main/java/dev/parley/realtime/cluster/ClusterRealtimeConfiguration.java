package dev.parley.realtime.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.cluster.RedisConfigured;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.StorageJson;

/** The realtime fan-out through Redis, when Redis is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
public class ClusterRealtimeConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	RedisConversationEvents conversationEvents(RedisLink link, @StorageJson JsonMapper json) {
		return new RedisConversationEvents(link, json);
	}

}
