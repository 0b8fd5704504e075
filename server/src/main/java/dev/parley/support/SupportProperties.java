package dev.parley.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer service ({@code parley.support.*}).
 *
 * @param visitorRequestsPerMinute widget API requests one visitor may make a minute (each
 * visitor besides the API's limit per IP address)
 * @param visitorMessagesPerMinute messages one visitor may send a minute
 * @param visitorRegistrationsPerMinute visitors one IP address may register a minute
 * @param snoozeCheckInterval how often snoozed conversations whose time came are reopened
 */
@ConfigurationProperties("parley.support")
public record SupportProperties(@DefaultValue("120") long visitorRequestsPerMinute,
		@DefaultValue("1200") long visitorRequestsPerIpPerMinute, @DefaultValue("20") long visitorMessagesPerMinute,
		@DefaultValue("10") long visitorRegistrationsPerMinute, @DefaultValue("15s") Duration snoozeCheckInterval) {
}
