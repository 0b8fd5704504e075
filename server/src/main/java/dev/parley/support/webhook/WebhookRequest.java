package dev.parley.support.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST} and {@code PATCH /api/v1/admin/support/webhooks}: on PATCH an
 * absent (null) field stays as it is. {@code events} lists the event types to deliver
 * (empty: all), {@code secret} is made when a new webhook has none, {@code active}
 * defaults to true and {@code description: ""} clears the description.
 */
record WebhookRequest(@Nullable String url, @Nullable String description, @Nullable List<@Nullable String> events,
		@Nullable String secret, @Nullable Boolean active) {

}
