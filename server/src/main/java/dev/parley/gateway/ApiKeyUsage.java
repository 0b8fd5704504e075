package dev.parley.gateway;

import java.time.LocalDate;
import java.util.List;

import dev.parley.provider.Usage;

/** Counts gateway requests and tokens per API key and UTC day. */
interface ApiKeyUsage {

	/** Adds one answered request and its tokens to the key's row of today. */
	void record(String apiKeyId, Usage usage);

	/**
	 * Adds like {@link #record} when the key already has today's row, in the caller's
	 * transaction: one update, never an insert that could race another's and spoil the
	 * transaction.
	 * @return false, changing nothing, when there is no row yet: then {@link #record}
	 * outside the transaction
	 */
	boolean recordExisting(String apiKeyId, Usage usage);

	/** The user's keys' usage from {@code since} (a UTC day) on, newest day first. */
	List<KeyUsage> ofUser(String userId, LocalDate since);

	/** Today, in UTC. */
	LocalDate today();

}
