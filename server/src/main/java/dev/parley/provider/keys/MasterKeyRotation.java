package dev.parley.provider.keys;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;

/**
 * Re-seals every stored provider key that only the previous master key opens under the
 * current one (set {@code PARLEY_MASTER_KEY} to the new key and
 * {@code PARLEY_MASTER_KEY_PREVIOUS} to the old one, then start). Each key is replaced
 * only if nobody changed it meanwhile, so instances starting together do no harm; keys
 * that neither master key opens are left as they are (and shown {@code unreadable}).
 */
public final class MasterKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

	private final ProviderRepository store;

	private final KeyCipher cipher;

	private final Clock clock;

	public MasterKeyRotation(ProviderRepository store, KeyCipher cipher, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** Re-seals what needs it; returns how many keys this call re-sealed. */
	public int run() {
		int resealed = 0;
		for (StoredProvider provider : this.store.all()) {
			boolean changed = false;
			for (StoredProvider.StoredKey key : provider.keys()) {
				if (!this.cipher.underPreviousKey(provider.id(), key.ciphertext())) {
					continue;
				}
				String sealed = this.cipher.encrypt(provider.id(),
						this.cipher.decrypt(provider.id(), key.ciphertext()));
				if (this.store.replaceCiphertext(provider.id(), key.position(), key.ciphertext(), sealed)) {
					resealed++;
					changed = true;
				}
			}
			if (changed) {
				Instant now = Jdbc.now(this.clock);
				this.store.touch(provider.id(), now);
			}
		}
		if (resealed > 0) {
			log.info(
					"Re-encrypted {} provider API key(s) under the current master key; remove "
							+ "PARLEY_MASTER_KEY_PREVIOUS once every instance runs with the new PARLEY_MASTER_KEY",
					resealed);
		}
		return resealed;
	}

}
