package dev.parley.provider.transport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one watchdog that enforces the deadlines of every upstream call. */
@Configuration(proxyBeanMethods = false)
public class TransportConfiguration {

	@Bean
	StreamWatchdog providerStreamWatchdog() {
		return new StreamWatchdog();
	}

}
