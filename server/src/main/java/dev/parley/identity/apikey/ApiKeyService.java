package dev.parley.identity.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.Scope;
import dev.parley.identity.Secrets;
import dev.parley.platform.Digests;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * Personal API keys: the secret ({@code pk_} and 43 random characters) is shown once at
 * creation and stored only as its SHA-256 digest.
 */
@Service
public class ApiKeyService {

	public static final String KEY_PREFIX = "pk_";

	static final int MAX_KEYS_PER_USER = 100;

	private final ApiKeyRepository store;

	private final Secrets secrets;

	private final IdGenerator ids;

	private final Clock clock;

	ApiKeyService(ApiKeyRepository store, Secrets secrets, IdGenerator ids, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.ids = ids;
		this.clock = clock;
	}

	/** {@code POST /api/v1/api-keys}. */
	record Create(String name, List<String> scopes, Instant expiresAt) {
	}

	/** A key as listed; {@code key}, the secret, only in the answer to its creation. */
	record View(String id, String name, String prefix, Set<String> scopes, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

		static View of(ApiKey key, String secret) {
			return new View(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), key.expiresAt(),
					key.lastUsedAt(), secret);
		}

	}

	View create(String userId, Create request) {
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw ProblemException.invalid("name", "is required, at most 100 characters");
		}
		Instant now = Jdbc.now(this.clock);
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw ProblemException.invalid("expires_at", "must be in the future");
		}
		if (this.store.listOf(userId).size() >= MAX_KEYS_PER_USER) {
			throw ProblemException.invalid("name", "you already have " + MAX_KEYS_PER_USER + " keys; delete one first");
		}
		String secret = KEY_PREFIX + this.secrets.token();
		ApiKey key = new ApiKey(this.ids.next().toString(), userId, name, secret.substring(0, 10),
				scopes(request.scopes()), now, request.expiresAt(), null);
		this.store.insert(key, Digests.sha256Hex(secret));
		return View.of(key, secret);
	}

	List<View> list(String userId) {
		return this.store.listOf(userId).stream().map((key) -> View.of(key, null)).toList();
	}

	void delete(String userId, String keyId) {
		if (!this.store.delete(keyId, userId)) {
			throw ProblemException.of(IdentityProblem.API_KEY_NOT_FOUND, "No API key " + keyId);
		}
	}

	private static Set<String> scopes(List<String> requested) {
		if (requested == null) {
			return Scope.all();
		}
		if (requested.isEmpty()) {
			throw ProblemException.invalid("scopes", "must name at least one scope, or be left out for all");
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (String value : requested) {
			Scope scope = Scope.parse(value)
				.orElseThrow(() -> ProblemException.invalid("scopes", "unknown scope '" + value
						+ "'; known: chat, conversations:read, conversations:write, gateway"));
			scopes.add(scope.value());
		}
		return scopes;
	}

}
