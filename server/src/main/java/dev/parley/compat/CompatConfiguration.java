package dev.parley.compat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link CompatProperties}, whether the routes are on or not. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompatProperties.class)
class CompatConfiguration {

}
