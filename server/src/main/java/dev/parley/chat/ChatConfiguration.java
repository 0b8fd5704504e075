package dev.parley.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.parley.chat.cluster.ClusterChatConfiguration;
import dev.parley.chat.stream.InMemoryGenerationEventLog;
import dev.parley.platform.cluster.RedisNotConfigured;

/**
 * The chat feature's shared-state seams: in Redis when Redis is configured
 * ({@link ClusterChatConfiguration}), in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
@Import(ClusterChatConfiguration.class)
class ChatConfiguration {

	@Bean
	@Conditional(RedisNotConfigured.class)
	GenerationEventLog generationEventLog(ChatProperties properties) {
		return new InMemoryGenerationEventLog(properties.resumeRetention());
	}

	@Bean
	@Conditional(RedisNotConfigured.class)
	ConversationLocks conversationLocks() {
		return new InMemoryConversationLocks();
	}

	@Bean
	@Conditional(RedisNotConfigured.class)
	GenerationStops generationStops() {
		return GenerationStops.NONE;
	}

}
