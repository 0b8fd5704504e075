package dev.parley.support;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Customer service's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportProperties.class)
class SupportConfiguration {

}
