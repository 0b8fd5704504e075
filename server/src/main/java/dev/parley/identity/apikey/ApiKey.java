package dev.parley.identity.apikey;

import java.time.Instant;
import java.util.Set;

/** A personal API key as stored: its secret only as a digest. */
public record ApiKey(String id, String userId, String name, String prefix, Set<String> scopes, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt) {

}
