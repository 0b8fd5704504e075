package dev.parley.gateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.Usage;
import dev.parley.usage.UsageRecord;

/**
 * How a gateway call went, for its usage record: the target that served it (or was tried
 * last), the targets before it, how it ended ({@code complete}, {@code stopped} when the
 * client went away, {@code interrupted}, {@code failed}), whether the cache answered, and
 * when its first token came.
 *
 * @param firstTokenAtNanos {@link System#nanoTime()} of the first token of a stream, or
 * null (no token, or not streamed)
 */
record GatewayOutcome(RouteTarget servedBy, int failovers, String status, boolean cached,
		@Nullable Long firstTokenAtNanos) {

	static GatewayOutcome served(RouteTarget servedBy, int failovers, String status, @Nullable Long firstTokenAtNanos) {
		return new GatewayOutcome(servedBy, failovers, status, false, firstTokenAtNanos);
	}

	static GatewayOutcome cached(RouteTarget servedBy) {
		return new GatewayOutcome(servedBy, 0, "complete", true, null);
	}

	/**
	 * A call that failed before its first token. Without the stream that tried
	 * ({@code servedBy} null: a non-streamed call) the route's primary stands for it, and
	 * a failure that says every target failed counts the others as failovers.
	 */
	static GatewayOutcome failedBefore(Route route, ProviderException failure, @Nullable RoutedTry tried) {
		if (tried != null) {
			return new GatewayOutcome(tried.target(), tried.failovers(), "failed", false, null);
		}
		boolean everyTarget = failure.failure() == ProviderFailure.UNAVAILABLE
				|| failure.failure() == ProviderFailure.RATE_LIMITED
				|| failure.failure() == ProviderFailure.EGRESS_BLOCKED;
		int failovers = everyTarget ? route.targets().size() - 1 : 0;
		RouteTarget last = everyTarget ? route.targets().getLast() : route.primary();
		return new GatewayOutcome(last, failovers, "failed", false, null);
	}

	/** The target a stream tried last and the targets before it. */
	record RoutedTry(RouteTarget target, int failovers) {
	}

	/**
	 * The call's usage record, ending now; its id is the answer's
	 * ({@code chatcmpl-<32 hex digits>}) as a UUID.
	 */
	UsageRecord record(GatewayCall call, Usage charged) {
		long now = System.nanoTime();
		Integer ttft = (this.firstTokenAtNanos != null)
				? UsageRecord.millisBetween(call.acceptedAtNanos(), this.firstTokenAtNanos) : null;
		Instant ended = call.created()
			.plusNanos(Math.max(0, now - call.acceptedAtNanos()))
			.truncatedTo(ChronoUnit.MICROS);
		return new UsageRecord(idOf(call), ended, call.userId(), call.apiKeyId(), UsageRecord.GATEWAY, null,
				call.agentId(), this.servedBy.model(), this.servedBy.providerId(), charged.promptTokens(),
				charged.completionTokens(), this.status, this.cached, ttft, this.failovers,
				UsageRecord.millisBetween(call.acceptedAtNanos(), now));
	}

	private static UUID idOf(GatewayCall call) {
		String hex = call.id().substring(call.id().length() - 32);
		return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
				Long.parseUnsignedLong(hex.substring(16), 16));
	}

}
