package dev.parley.conversation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code parley.conversation.*} as an operator writes it: the defaults, and a setting
 * that makes no sense stops the start with a message naming it.
 */
class ConversationPropertiesTests {

	@Test
	void defaultsAreThoseOfTheSeedsWithRetentionOff() {
		ConversationProperties properties = bind(Map.of());
		assertThat(properties.idleAfter()).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.expireAfter()).isEqualTo(Duration.ofHours(24));
		assertThat(properties.retains()).isFalse();
		assertThat(properties.lifecycleInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bind(Map.of("parley.conversation.retention", "90d")).retention()).isEqualTo(Duration.ofDays(90));
	}

	@Test
	void settingsThatContradictEachOtherAreRefused() {
		assertRefused(Map.of("parley.conversation.expire-after", "10m"), "expire-after (PT10M) must be longer");
		assertRefused(Map.of("parley.conversation.retention", "1h"), "retention (PT1H) must be 0 (off) or at least");
		assertRefused(Map.of("parley.conversation.idle-after", "0s"), "idle-after must be positive");
		assertRefused(Map.of("parley.conversation.lifecycle-interval", "100ms"), "lifecycle-interval must be at least");
		assertRefused(Map.of("parley.conversation.lifecycle-batch-size", "0"), "lifecycle-batch-size must be 1 to");
	}

	private static void assertRefused(Map<String, String> settings, String message) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(settings))
			.havingRootCause()
			.withMessageContaining(message);
	}

	private static ConversationProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("parley.conversation",
				ConversationProperties.class);
	}

}
