package dev.parley.webapp;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * The web app's files. Its hashed bundles under {@code /assets/} never change and are
 * cached for a year; everything else (index.html above all) is revalidated on every load,
 * so a new version of Parley is picked up at the next reload. Spring Boot's own static
 * mapping is off ({@code spring.web.resources.add-mappings: false}) so that this is the
 * only one.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/static/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver());
		// No resolution cache here: whether a path is answered with index.html depends on
		// the
		// request's Accept header, not on the path alone.
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new EncodedResourceResolver())
			.addResolver(new ClientRouteResolver());
	}

}
