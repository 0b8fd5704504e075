package dev.parley.provider.keys;

import java.time.Clock;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.ParleyProperties;
import dev.parley.provider.store.ProviderRepository;

/**
 * The cipher of stored providers' API keys under the master key, and the re-sealing of
 * keys at start-up after a master key rotation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderKeysProperties.class)
public class KeysConfiguration {

	@Bean
	KeyCipher providerKeyCipher(ProviderKeysProperties properties, ParleyProperties parley) {
		String previous = properties.previousMasterKey();
		return new KeyCipher(MasterKey.load(properties.masterKey(), parley.dataDir()),
				(previous != null && !previous.isBlank()) ? MasterKey.key(MasterKey.decode(previous.strip(),
						"parley.provider-keys.previous-master-key (PARLEY_MASTER_KEY_PREVIOUS)")) : null);
	}

	/**
	 * At start-up, keys sealed under the previous master key are re-sealed under the new
	 * one.
	 */
	@Bean
	ApplicationRunner providerKeyRotation(ProviderRepository store, KeyCipher cipher, Clock clock) {
		return (arguments) -> {
			if (cipher.rotating()) {
				new MasterKeyRotation(store, cipher, clock).run();
			}
		};
	}

}
