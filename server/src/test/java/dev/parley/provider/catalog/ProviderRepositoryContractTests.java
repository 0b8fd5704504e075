package dev.parley.provider.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.crypto.SecretKey;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.ProviderProtocol;
import dev.parley.provider.admin.ProviderView;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.keys.MasterKey;
import dev.parley.provider.keys.MasterKeyRotation;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The provider tables against a real database (migrated with the real scripts), and two
 * catalogs on it standing for two instances, run on each supported server.
 */
@OnEachDatabase
class ProviderRepositoryContractTests {

	private final IdGenerator ids = new IdGenerator();

	private final SecretKey masterKey = MasterKey.key(MasterKey.decode(MasterKey.generate(), "test"));

	private final KeyCipher cipher = new KeyCipher(this.masterKey);

	@Parameter
	DatabaseServer database;

	private ProviderRepository store;

	@BeforeEach
	void open() {
		this.store = new ProviderRepository(JdbcClient.create(this.database.dataSource()),
				JsonConfiguration.storageJsonMapper());
	}

	@Test
	void storesAProviderWithItsEncryptedKeysInOrder() {
		StoredProvider provider = provider("Qwen-" + suffix(), List.of("sk-first-0001", "sk-second-0002"));
		this.store.insert(provider);

		StoredProvider read = this.store.find(provider.id()).orElseThrow();
		assertThat(read).isEqualTo(provider);
		assertThat(read.models()).containsExactly("qwen-plus", "qwen-max");
		assertThat(read.keys()).extracting(StoredProvider.StoredKey::hint).containsExactly("...0001", "...0002");
		assertThat(this.cipher.decrypt(read.id(), read.keys().get(1).ciphertext())).isEqualTo("sk-second-0002");
		assertThat(this.store.all()).contains(provider);
		assertThat(this.store.idByName(provider.name().toUpperCase())).contains(provider.id());
		long plaintext = JdbcClient.create(this.database.dataSource())
			.sql("SELECT COUNT(*) FROM provider_keys WHERE ciphertext LIKE ?")
			.param("%sk-first%")
			.query(Long.class)
			.single();
		assertThat(plaintext).isZero();
	}

	@Test
	void aMasterKeyRotationResealsEveryKeyOnceAndKeepsRefusals() {
		StoredProvider provider = provider("Rotated-" + suffix(), List.of("sk-rotate-0001", "sk-rotate-0002"));
		this.store.insert(provider);
		this.store.reject(provider.id(), 1, provider.keys().get(1).ciphertext(), "401 invalid key",
				Jdbc.now(Clock.systemUTC()));
		String unrelated = this.cipher.encrypt(provider.id(), "sk-x");
		SecretKey newKey = MasterKey.key(MasterKey.decode(MasterKey.generate(), "test"));
		KeyCipher newOnly = new KeyCipher(newKey);
		KeyCipher rotating = new KeyCipher(newKey, this.masterKey);
		assertThat(newOnly.readable(provider.id(), unrelated)).isFalse();
		assertThat(rotating.decrypt(provider.id(), provider.keys().get(0).ciphertext())).isEqualTo("sk-rotate-0001");

		int resealed = new MasterKeyRotation(this.store, rotating, Clock.systemUTC()).run();

		StoredProvider after = this.store.find(provider.id()).orElseThrow();
		assertThat(resealed).isGreaterThanOrEqualTo(2);
		assertThat(after.keys()).extracting((key) -> newOnly.decrypt(provider.id(), key.ciphertext()))
			.containsExactly("sk-rotate-0001", "sk-rotate-0002");
		assertThat(after.keys().get(1).rejected()).isTrue();
		assertThat(after.updatedAt()).isAfterOrEqualTo(provider.updatedAt());
		assertThat(new MasterKeyRotation(this.store, rotating, Clock.systemUTC()).run()).as("nothing left to re-seal")
			.isZero();
	}

	@Test
	void namesAreUniqueRegardlessOfCase() {
		String name = "DeepSeek-" + suffix();
		this.store.insert(provider(name, List.of()));

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.store.insert(provider(name.toLowerCase(), List.of())));
	}

	@Test
	void anUpdateReplacesTheKeysOnlyWhenAsked() {
		StoredProvider provider = provider("Moonshot-" + suffix(), List.of("sk-old-key-0001"));
		this.store.insert(provider);
		StoredProvider renamed = new StoredProvider(provider.id(), provider.name() + "-x", ProviderProtocol.OPENAI,
				"https://api.moonshot.cn/v1", "2024-10-21", List.of("kimi-k2"), new StoredProvider.Timeouts(1, 2, 3, 4),
				7, false, false, provider.createdAt(), later(provider), List.of());

		this.store.update(renamed, false);
		assertThat(this.store.find(provider.id()).orElseThrow()).isEqualTo(renamed.withKeys(provider.keys()));

		StoredProvider rekeyed = renamed.withKeys(keys(provider.id(), List.of("sk-new-key-0009")));
		this.store.update(rekeyed, true);
		assertThat(this.store.find(provider.id()).orElseThrow()).isEqualTo(rekeyed);
	}

	@Test
	void aRefusedKeyIsMarkedOnceAndTheChangeIsSeen() {
		StoredProvider provider = provider("Azure-" + suffix(), List.of("sk-bad-key-0001", "sk-good-key-002"));
		this.store.insert(provider);
		ProviderRepository.Fingerprint before = this.store.fingerprint();
		Instant at = later(provider);
		String ciphertext = provider.keys().getFirst().ciphertext();

		assertThat(this.store.reject(provider.id(), 0, ciphertext, "HTTP 401", at)).isTrue();
		assertThat(this.store.reject(provider.id(), 0, ciphertext, "again", at.plusSeconds(1))).isFalse();
		assertThat(this.store.reject(provider.id(), 1, "v1:another", "stale", at)).as("a replaced key").isFalse();

		StoredProvider read = this.store.find(provider.id()).orElseThrow();
		assertThat(read.keys().get(0).rejectedReason()).isEqualTo("HTTP 401");
		assertThat(read.keys().get(0).rejectedAt()).isEqualTo(at);
		assertThat(read.keys().get(1).rejected()).isFalse();
		assertThat(read.updatedAt()).isEqualTo(at);
		assertThat(this.store.fingerprint()).isNotEqualTo(before);
	}

	@Test
	void deletingRemovesTheKeysToo() {
		StoredProvider provider = provider("Gone-" + suffix(), List.of("sk-gone-key-001"));
		this.store.insert(provider);
		ProviderRepository.Fingerprint before = this.store.fingerprint();

		assertThat(this.store.delete(provider.id())).isTrue();
		assertThat(this.store.delete(provider.id())).isFalse();
		assertThat(this.store.find(provider.id())).isEmpty();
		assertThat(this.store.fingerprint()).isNotEqualTo(before);
		assertThat(JdbcClient.create(this.database.dataSource())
			.sql("SELECT COUNT(*) FROM provider_keys WHERE provider_id = ?")
			.param(provider.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherInstanceSeesChangesAndKeepsUnchangedProvidersAsBuilt() {
		RuntimeProviders other = runtime();
		StoredProvider provider = provider("Shared-" + suffix(), List.of("sk-shared-00001"));
		this.store.insert(provider);

		// The other instance re-reads the table in the background, not in the caller's
		// thread.
		Eventually.eventually("the other instance to see the new provider")
			.until(() -> other.current().byId().containsKey(provider.id()));
		RuntimeProviders.Built built = other.current().byId().get(provider.id());
		assertThat(built.provider()).isNotNull();
		assertThat(other.current().byId().get(provider.id())).isSameAs(built);

		StoredProvider disabled = new StoredProvider(provider.id(), provider.name(), provider.protocol(),
				provider.baseUrl(), null, provider.models(), provider.timeouts(), null, provider.streamUsage(), false,
				provider.createdAt(), later(provider), provider.keys());
		this.store.update(disabled, false);
		Eventually.eventually("the other instance to see the provider disabled")
			.until(() -> !other.current().byId().get(provider.id()).stored().enabled());
		assertThat(other.current().enabled()).extracting((b) -> b.stored().id()).doesNotContain(provider.id());
		other.close();
	}

	@Test
	void aKeyThatDoesNotDecryptIsLeftOutWithoutFailing() {
		StoredProvider provider = provider("Moved-" + suffix(), List.of());
		KeyCipher elsewhere = new KeyCipher(MasterKey.key(MasterKey.decode(MasterKey.generate(), "test")));
		StoredProvider foreign = provider.withKeys(List.of(new StoredProvider.StoredKey(0,
				elsewhere.encrypt(provider.id(), "sk-foreign-0001"), "...0001", null, null)));
		this.store.insert(foreign);

		RuntimeProviders runtime = runtime();
		assertThat(runtime.current().byId().get(provider.id()).provider()).isNotNull();
		assertThat(ProviderView.of(this.store.find(provider.id()).orElseThrow(), this.cipher).apiKeys())
			.extracting(ProviderView.KeyView::status)
			.containsExactly("unreadable");
		runtime.close();
	}

	private RuntimeProviders runtime() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ProviderFactory factory = new ProviderFactory(this.cipher, new StreamWatchdog(), EgressPolicy.defaults(),
				registry, new KeyRejections(this.store, registry, Clock.systemUTC()),
				JsonConfiguration.storageJsonMapper());
		return new RuntimeProviders(this.store, factory, Duration.ZERO, Duration.ofMinutes(5));
	}

	private StoredProvider provider(String name, List<String> keys) {
		String id = this.ids.next().toString();
		Instant now = Jdbc.now(Clock.systemUTC());
		return new StoredProvider(id, name, ProviderProtocol.OPENAI,
				"https://dashscope.aliyuncs.com/compatible-mode/v1", null, List.of("qwen-plus", "qwen-max"),
				new StoredProvider.Timeouts(10_000, 60_000, 60_000, 300_000), null, true, true, now, now,
				keys(id, keys));
	}

	private List<StoredProvider.StoredKey> keys(String id, List<String> keys) {
		return java.util.stream.IntStream.range(0, keys.size())
			.mapToObj((i) -> new StoredProvider.StoredKey(i, this.cipher.encrypt(id, keys.get(i)),
					KeyCipher.hint(keys.get(i)), null, null))
			.toList();
	}

	private static Instant later(StoredProvider provider) {
		return provider.updatedAt().plus(5, ChronoUnit.MILLIS);
	}

	private String suffix() {
		return this.ids.next().toString().substring(24);
	}

}
