package dev.parley.conversation;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The conversations' request filter: their ids in the log lines. */
@Configuration(proxyBeanMethods = false)
class ConversationWebConfiguration {

	/** Right after the request id, before security, so its log lines carry it too. */
	@Bean
	FilterRegistrationBean<ConversationLogContext> conversationLogContext() {
		FilterRegistrationBean<ConversationLogContext> registration = new FilterRegistrationBean<>(
				new ConversationLogContext());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.addUrlPatterns(ConversationLogContext.URL_PATTERN);
		return registration;
	}

}
