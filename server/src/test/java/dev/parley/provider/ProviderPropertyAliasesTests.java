package dev.parley.provider;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderPropertyAliasesTests {

	final ProviderPropertyAliases aliases = new ProviderPropertyAliases();

	@Test
	void theFormerNamesStillSetTheMasterKeyAndTheIntervals() {
		MockEnvironment environment = new MockEnvironment().withProperty("parley.providers.master-key", "old-key")
			.withProperty("parley.providers.previous-master-key", "older-key")
			.withProperty("parley.providers.recheck-interval", "5s")
			.withProperty("parley.providers.reload-interval", "1m")
			.withProperty("parley.provider-keys.master-key", "");

		this.aliases.postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("parley.provider-keys.master-key")).isEqualTo("old-key");
		assertThat(environment.getProperty("parley.provider-keys.previous-master-key")).isEqualTo("older-key");
		assertThat(environment.getProperty("parley.provider-catalog.recheck-interval")).isEqualTo("5s");
		assertThat(environment.getProperty("parley.provider-catalog.reload-interval")).isEqualTo("1m");
	}

	@Test
	void aNewNameThatIsSetWinsOverItsFormerName() {
		MockEnvironment environment = new MockEnvironment().withProperty("parley.providers.master-key", "old-key")
			.withProperty("parley.provider-keys.master-key", "new-key");

		this.aliases.postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("parley.provider-keys.master-key")).isEqualTo("new-key");
		assertThat(environment.getPropertySources().contains(ProviderPropertyAliases.SOURCE_NAME)).isFalse();
	}

}
