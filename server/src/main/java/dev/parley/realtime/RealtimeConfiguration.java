package dev.parley.realtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.parley.platform.cluster.RedisNotConfigured;
import dev.parley.realtime.cluster.ClusterRealtimeConfiguration;

/**
 * The realtime feature's settings and its fan-out seam: through Redis when Redis is
 * configured ({@link ClusterRealtimeConfiguration}), in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
@Import(ClusterRealtimeConfiguration.class)
class RealtimeConfiguration {

	@Bean
	@Conditional(RedisNotConfigured.class)
	ConversationEvents conversationEvents() {
		return new LocalConversationEvents();
	}

}
