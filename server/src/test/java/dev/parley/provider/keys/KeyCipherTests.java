package dev.parley.provider.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyCipherTests {

	static final String PROVIDER = "0190a000-0000-7000-8000-000000000001";

	final KeyCipher cipher = new KeyCipher(MasterKey.key(MasterKey.decode(MasterKey.generate(), "test")));

	@Test
	void roundTripsAndNeverStoresThePlaintext() {
		String stored = this.cipher.encrypt(PROVIDER, "sk-secret-a1b2");

		assertThat(stored).startsWith("v1:").doesNotContain("sk-secret").doesNotContain("a1b2");
		assertThat(Base64.getDecoder().decode(stored.substring(3))).hasSize(12 + "sk-secret-a1b2".length() + 16);
		assertThat(this.cipher.decrypt(PROVIDER, stored)).isEqualTo("sk-secret-a1b2");
		assertThat(this.cipher.encrypt(PROVIDER, "sk-secret-a1b2")).as("a fresh nonce each time").isNotEqualTo(stored);
	}

	@Test
	void aTamperedCiphertextIsUnreadable() {
		String stored = this.cipher.encrypt(PROVIDER, "sk-secret-a1b2");
		byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
		bytes[14] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

		assertThatExceptionOfType(KeyCipher.UnreadableKeyException.class)
			.isThrownBy(() -> this.cipher.decrypt(PROVIDER, tampered));
		assertThat(this.cipher.readable(PROVIDER, tampered)).isFalse();
		assertThat(this.cipher.readable(PROVIDER, "v2:abc")).isFalse();
		assertThat(this.cipher.readable(PROVIDER, "v1:***")).isFalse();
		assertThat(this.cipher.readable(PROVIDER, "v1:AAAA")).isFalse();
	}

	@Test
	void aKeyCopiedToAnotherProviderIsUnreadable() {
		String stored = this.cipher.encrypt(PROVIDER, "sk-secret-a1b2");

		assertThatExceptionOfType(KeyCipher.UnreadableKeyException.class)
			.isThrownBy(() -> this.cipher.decrypt("0190a000-0000-7000-8000-000000000002", stored));
	}

	@Test
	void anotherMasterKeyCannotReadItAndSaysNothingOfTheKey() {
		String stored = this.cipher.encrypt(PROVIDER, "sk-secret-a1b2");
		KeyCipher other = new KeyCipher(MasterKey.key(MasterKey.decode(MasterKey.generate(), "test")));

		assertThatExceptionOfType(KeyCipher.UnreadableKeyException.class)
			.isThrownBy(() -> other.decrypt(PROVIDER, stored))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("sk-").doesNotContain("a1b2"));
	}

	@Test
	void theMasterKeyIsGeneratedOnceIntoTheDataDirectoryForTheOwnerOnly(@TempDir Path dataDir) throws Exception {
		KeyCipher first = new KeyCipher(MasterKey.load(null, dataDir));
		String stored = first.encrypt(PROVIDER, "sk-secret-a1b2");
		KeyCipher afterRestart = new KeyCipher(MasterKey.load("", dataDir));

		assertThat(afterRestart.decrypt(PROVIDER, stored)).isEqualTo("sk-secret-a1b2");
		Path file = dataDir.resolve("master.key");
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void aConfiguredMasterKeyMustBe32BytesOfBase64() {
		String configured = MasterKey.generate();
		KeyCipher a = new KeyCipher(MasterKey.load(configured, Path.of("/nonexistent")));
		KeyCipher b = new KeyCipher(MasterKey.load(" " + configured + "\n", Path.of("/nonexistent")));

		assertThat(b.decrypt(PROVIDER, a.encrypt(PROVIDER, "k"))).isEqualTo("k");
		assertThatIllegalStateException().isThrownBy(() -> MasterKey.load("c2hvcnQ=", Path.of("/nonexistent")))
			.withMessageContaining("32 bytes")
			.withMessageContaining("PARLEY_MASTER_KEY");
		assertThatIllegalStateException().isThrownBy(() -> MasterKey.load("not base64 !", Path.of("/nonexistent")));
	}

	@Test
	void hintsShowOnlyTheLastFourCharactersOfLongKeys() {
		assertThat(KeyCipher.hint("sk-proj-abcdefa1b2")).isEqualTo("...a1b2");
		assertThat(KeyCipher.hint("sk-good")).isEqualTo("...");
	}

}
