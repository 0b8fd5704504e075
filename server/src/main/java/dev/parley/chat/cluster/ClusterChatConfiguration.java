package dev.parley.chat.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.ChatProperties;
import dev.parley.platform.cluster.RedisConfigured;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.StorageJson;

/**
 * The chat feature's shared state in Redis, when Redis is configured; the chat
 * configuration's single-instance beans stand back then.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
public class ClusterChatConfiguration {

	@Bean(destroyMethod = "close")
	RedisGenerationEventLog generationEventLog(RedisLink link, @StorageJson JsonMapper json,
			ChatProperties properties) {
		return new RedisGenerationEventLog(link, json, properties.resumeRetention());
	}

	@Bean
	RedisConversationLocks conversationLocks(RedisLink link) {
		return new RedisConversationLocks(link);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	ClusterStops generationStops(RedisLink link) {
		return new ClusterStops(link);
	}

}
