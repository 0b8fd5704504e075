package dev.parley.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.chat.stream.InMemoryGenerationEventLog;

/** The chat feature's shared-state seams, in their single-instance form. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class ChatConfiguration {

	@Bean
	GenerationEventLog generationEventLog(ChatProperties properties) {
		return new InMemoryGenerationEventLog(properties.resumeRetention());
	}

	@Bean
	ConversationLocks conversationLocks() {
		return new InMemoryConversationLocks();
	}

}
