package dev.parley.provider.egress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one egress policy of every upstream call and every saved base URL; start-up fails
 * when the JVM cannot pin plain-HTTP calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgressProperties.class)
public class EgressConfiguration {

	@Bean
	EgressPolicy egressPolicy(EgressProperties properties) {
		if (!EgressPolicy.hostHeaderAllowed()) {
			throw new IllegalStateException("The JDK HTTP client refuses a Host header in this JVM, so calls to plain"
					+ " http:// providers cannot be pinned to the address the egress policy checked: start Parley"
					+ " through its main class (which sets it), or with -D" + EgressPolicy.RESTRICTED_HEADERS
					+ "=host before anything uses the HTTP client");
		}
		return new EgressPolicy(properties);
	}

}
