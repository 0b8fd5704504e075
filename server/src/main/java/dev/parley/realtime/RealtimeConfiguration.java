package dev.parley.realtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The realtime feature's settings and its fan-out seam, in its single-instance form. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

	@Bean
	ConversationEvents conversationEvents() {
		return new LocalConversationEvents();
	}

}
