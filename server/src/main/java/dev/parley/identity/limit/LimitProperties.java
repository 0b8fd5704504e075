package dev.parley.identity.limit;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits and quotas ({@code parley.limits.*}); 0 turns a limit off.
 *
 * @param userRequestsPerMinute API requests a user may make per minute with an access
 * token
 * @param apiKeyRequestsPerMinute API requests per minute through one API key
 * @param anonymousRequestsPerMinute requests per minute from one IP address without
 * credentials (login, register, refresh)
 * @param userTokensPerDay LLM tokens (prompt + completion) a user may use per UTC day
 * @param loginFailuresPerAccount failed logins one account may have per
 * {@code loginWindow} before logins to it are refused for a while
 * @param loginFailuresPerIp failed logins one IP address may have per {@code loginWindow}
 * @param loginWindow the window of the login limits; one attempt comes back every
 * {@code loginWindow / limit}
 */
@ConfigurationProperties("parley.limits")
@Validated
record LimitProperties(@DefaultValue("120") @PositiveOrZero long userRequestsPerMinute,
		@DefaultValue("120") @PositiveOrZero long apiKeyRequestsPerMinute,
		@DefaultValue("30") @PositiveOrZero long anonymousRequestsPerMinute,
		@DefaultValue("200000") @PositiveOrZero long userTokensPerDay,
		@DefaultValue("5") @PositiveOrZero long loginFailuresPerAccount,
		@DefaultValue("20") @PositiveOrZero long loginFailuresPerIp, @DefaultValue("15m") Duration loginWindow) {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	Limit userRequests() {
		return new Limit("user", this.userRequestsPerMinute, MINUTE);
	}

	Limit apiKeyRequests() {
		return new Limit("api_key", this.apiKeyRequestsPerMinute, MINUTE);
	}

	Limit anonymousRequests() {
		return new Limit("ip", this.anonymousRequestsPerMinute, MINUTE);
	}

	Limit loginAccount() {
		return new Limit("login_account", this.loginFailuresPerAccount, this.loginWindow);
	}

	Limit loginIp() {
		return new Limit("login_ip", this.loginFailuresPerIp, this.loginWindow);
	}

}
