package dev.parley;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import dev.parley.provider.ChatRouter;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.routing.DefaultUpstreamLimiter;
import dev.parley.provider.store.StoredProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A type made public for a sibling sub-package stays internal to its module: other
 * modules see only the module's root package.
 */
class ModuleBoundaryTests {

	@Test
	void theProviderModuleExposesItsRootButNotThePublicTypesOfItsSubPackages() {
		ApplicationModule provider = ParleyModules.get().getModuleByName("provider").orElseThrow();

		assertThat(provider.isExposed(ChatRouter.class)).isTrue();
		assertThat(provider.isExposed(ProviderCatalog.class)).isTrue();
		assertThat(provider.contains(DefaultUpstreamLimiter.class)).isTrue();
		assertThat(provider.isExposed(DefaultUpstreamLimiter.class)).isFalse();
		assertThat(provider.isExposed(PooledProvider.class)).isFalse();
		assertThat(provider.isExposed(KeyCipher.class)).isFalse();
		assertThat(provider.isExposed(StoredProvider.class)).isFalse();
	}

	@Test
	void anotherModuleUsingAPublicTypeOfASubPackageFailsVerification() {
		ApplicationModules fixture = ApplicationModules.of("dev.parleyfixture", (location) -> true);

		assertThat(fixture.getModuleByName("beta")).isPresent();
		assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
			.withMessageContaining("depends on non-exposed type dev.parleyfixture.alpha.inner.PublicHelper")
			.withMessageNotContaining("non-exposed type dev.parleyfixture.alpha.AlphaApi");
	}

}
