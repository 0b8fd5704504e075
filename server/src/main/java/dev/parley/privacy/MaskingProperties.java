package dev.parley.privacy;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sensitive-data masking ({@code parley.privacy.masking.*}), off by default.
 *
 * @param enabled whether anything is masked
 * @param targets where masking applies: {@code provider} (default), {@code storage}
 * @param kinds what is masked: {@code phone}, {@code cn-id}, {@code email},
 * {@code api-key} (default), and {@code bank-card} (opt-in)
 */
@ConfigurationProperties("parley.privacy.masking")
record MaskingProperties(@DefaultValue("false") boolean enabled, @DefaultValue("provider") Set<MaskingTarget> targets,
		@DefaultValue( {
				"phone", "cn-id", "email", "api-key" }) Set<SensitiveKind> kinds){
}
