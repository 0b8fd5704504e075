package dev.parley.conversation.lifecycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.parley.conversation.ConversationProperties;

/** Binds {@code parley.conversation.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationProperties.class)
class LifecycleConfiguration {

}
