package dev.parley.webapp;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * The web app's files. Its hashed bundles under {@code /assets/} (and the chat widget's
 * under {@code /widget/assets/}) never change and are cached for a year; everything else
 * (index.html, the widget's {@code /widget.js} and {@code /widget/frame.html} above all)
 * is revalidated on every load, so a new version of Parley is picked up at the next
 * reload. Spring Boot's own static mapping is off
 * ({@code spring.web.resources.add-mappings: false}) so that this is the only one.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/static/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl forAYear = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(forAYear)
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver());
		// The chat widget: the embed script, whose URL customers paste into their pages
		// (so
		// it is never hashed), the chat panel's page and its hashed bundles; none of them
		// ever falls back to the app's index.html.
		registry.addResourceHandler("/widget.js")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver());
		registry.addResourceHandler("/widget/assets/**")
			.addResourceLocations(LOCATION + "widget/assets/")
			.setCacheControl(forAYear)
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver());
		registry.addResourceHandler("/widget/**")
			.addResourceLocations(LOCATION + "widget/")
			.setCacheControl(CacheControl.noCache())
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
