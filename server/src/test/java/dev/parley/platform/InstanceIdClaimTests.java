package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance id kept in the data directory: the same one after a restart, never the
 * same one for two claims alive at once. (Two processes: {@code KilledMidReplyIT}.)
 */
class InstanceIdClaimTests {

	@TempDir
	Path dataDir;

	@Test
	void aRestartGetsTheSameIdBack() {
		String first;
		try (InstanceIdClaim claim = InstanceIdClaim.claim(this.dataDir)) {
			first = claim.id();
			assertThat(claim.slot()).isEqualTo(slot(1));
		}
		try (InstanceIdClaim again = InstanceIdClaim.claim(this.dataDir)) {
			assertThat(again.id()).isEqualTo(first);
		}
	}

	@Test
	void aSecondLiveClaimGetsAnIdOfItsOwnAndTheFirstSlotReturnsOnceFree() {
		String second;
		try (InstanceIdClaim one = InstanceIdClaim.claim(this.dataDir)) {
			try (InstanceIdClaim two = InstanceIdClaim.claim(this.dataDir)) {
				second = two.id();
				assertThat(two.id()).isNotEqualTo(one.id());
				assertThat(two.slot()).isEqualTo(slot(2));
			}
			try (InstanceIdClaim twoAgain = InstanceIdClaim.claim(this.dataDir)) {
				assertThat(twoAgain.id()).isEqualTo(second);
			}
		}
	}

	@Test
	void aSlotLeftHalfWrittenGetsAFreshId() throws Exception {
		Files.createDirectories(slot(1).getParent());
		Files.writeString(slot(1), "01a2");
		try (InstanceIdClaim claim = InstanceIdClaim.claim(this.dataDir)) {
			assertThat(claim.id()).hasSize(36).isNotEqualTo("01a2");
		}
		// Read only once released: opening a held slot in this JVM would release its
		// lock.
		assertThat(Files.readString(slot(1)).strip()).hasSize(36);
	}

	private Path slot(int number) {
		try {
			return this.dataDir.toRealPath().resolve("instances").resolve(Integer.toString(number));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
