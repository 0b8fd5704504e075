package dev.parley.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.problem.ProblemResponses;

/** HTTP-level protections that run before everything else, Spring Security included. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class WebConfiguration {

	/** First of all, so that every answer, refusals by later filters included, has it. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter(IdGenerator ids) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(new RequestIds(ids)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpProperties properties,
			ObjectProvider<RequestBodyLimit> routes, ProblemResponses problems) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes(), routes.orderedStream().toList(),
						problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryTextFilter> queryTextFilter(ProblemResponses problems) {
		FilterRegistrationBean<QueryTextFilter> registration = new FilterRegistrationBean<>(
				new QueryTextFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
