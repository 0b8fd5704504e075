package dev.parley.provider.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderProblem;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.ProviderProtocol;
import dev.parley.provider.Route;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.egress.EgressProperties;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.keys.MasterKey;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseProviderCatalogTests {

	final TestDatabase database = TestDatabase.h2();

	final ProviderRepository store = new ProviderRepository(JdbcClient.create(this.database.dataSource()),
			JsonConfiguration.storageJsonMapper());

	final KeyCipher cipher = new KeyCipher(MasterKey.key(MasterKey.decode(MasterKey.generate(), "test")));

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final StreamWatchdog watchdog = new StreamWatchdog();

	final DemoProvider demo = new DemoProvider(Duration.ZERO);

	final IdGenerator ids = new IdGenerator();

	@AfterEach
	void close() {
		this.database.close();
		this.watchdog.close();
	}

	@Test
	void withoutAProviderOnlyTheDemoModelExists() {
		DatabaseProviderCatalog catalog = catalog(null);

		assertThat(catalog.realProviderConfigured()).isFalse();
		assertThat(catalog.models()).containsExactly("parley-demo");
		assertThat(catalog.defaultRoute()).isEqualTo(Route.of("demo", "parley-demo"));
		assertThat(catalog.routeForModel("parley-demo")).isEqualTo(Route.of("demo", "parley-demo"));
		assertThat(catalog.find("demo")).containsSame(this.demo);
		assertUnknown(() -> catalog.routeForModel("gpt-4o"));
	}

	@Test
	void theEnvironmentProviderReplacesTheDemoAndPassesAnyNameThrough() {
		DatabaseProviderCatalog catalog = catalog(environment(List.of()));

		assertThat(catalog.realProviderConfigured()).isTrue();
		assertThat(catalog.models()).containsExactly("gpt-4o-mini");
		assertThat(catalog.defaultRoute()).isEqualTo(Route.of("openai", "gpt-4o-mini"));
		assertThat(catalog.routeForModel("  ")).isEqualTo(Route.of("openai", "gpt-4o-mini"));
		assertThat(catalog.routeForModel("qwen-max")).isEqualTo(Route.of("openai", "qwen-max"));
		assertThat(catalog.routeForModel("meta-llama/Llama-3-8B"))
			.isEqualTo(Route.of("openai", "meta-llama/Llama-3-8B"));
		assertThat(catalog.find("openai")).isPresent();
		assertThat(catalog.find("demo")).isEmpty();
		assertUnknown(() -> catalog.routeForModel("parley-demo"));
	}

	@Test
	void anAllowListRejectsOtherNames() {
		DatabaseProviderCatalog catalog = catalog(environment(List.of("gpt-4o", " o3 ")));

		assertThat(catalog.models()).containsExactly("gpt-4o-mini", "gpt-4o", "o3");
		assertThat(catalog.routeForModel("o3").primary().model()).isEqualTo("o3");
		assertUnknown(() -> catalog.routeForModel("gpt-5"));
	}

	@Test
	void storedProvidersServeTheirModelsByNameAndAfterTheEnvironment() {
		StoredProvider qwen = store("Qwen", List.of("qwen-plus", "qwen-max"), true);
		StoredProvider off = store("Off", List.of("off-model"), false);
		DatabaseProviderCatalog catalog = catalog(environment(List.of("gpt-4o")));

		assertThat(catalog.routeForModel("qwen/qwen-max")).isEqualTo(Route.of(qwen.id(), "qwen-max"));
		assertThat(catalog.routeForModel("qwen-plus")).isEqualTo(Route.of(qwen.id(), "qwen-plus"));
		assertThat(catalog.routeForModel("gpt-4o")).as("the environment first").isEqualTo(Route.of("openai", "gpt-4o"));
		assertThat(catalog.models()).containsExactly("gpt-4o-mini", "gpt-4o", "Qwen/qwen-plus", "Qwen/qwen-max");
		assertThat(catalog.find(qwen.id())).isPresent();
		assertThat(catalog.find(off.id())).isEmpty();
		assertUnknown(() -> catalog.routeForModel("off/off-model"));
		assertUnknown(() -> catalog.routeForModel("qwen/qwen-turbo"));
	}

	@Test
	void withoutTheEnvironmentTheOldestStoredProviderIsTheDefaultAndTheDemoIsGone() {
		StoredProvider first = store("First", List.of("a", "b"), true);
		store("Second", List.of("c"), true);
		DatabaseProviderCatalog catalog = catalog(null);

		assertThat(catalog.realProviderConfigured()).isTrue();
		assertThat(catalog.defaultRoute()).isEqualTo(Route.of(first.id(), "a"));
		assertThat(catalog.models()).containsExactly("First/a", "First/b", "Second/c");
		assertThat(catalog.find("demo")).isEmpty();
		assertUnknown(() -> catalog.routeForModel("parley-demo"));
		assertUnknown(() -> catalog.routeForModel("gpt-4o"));
	}

	private DatabaseProviderCatalog catalog(EnvironmentProvider environment) {
		ProviderFactory factory = new ProviderFactory(this.cipher, this.watchdog, EgressPolicy.defaults(),
				this.registry, new KeyRejections(this.store, this.registry, Clock.systemUTC()),
				JsonConfiguration.storageJsonMapper());
		return new DatabaseProviderCatalog(environment,
				new RuntimeProviders(this.store, factory, Duration.ofSeconds(2), Duration.ofSeconds(30)), this.demo);
	}

	@Test
	void anEnvironmentBaseUrlTheEgressPolicyRefusesStopsTheStart() {
		EgressPolicy strict = new EgressPolicy(new EgressProperties(false, true));
		assertThatThrownBy(() -> environmentAt("http://[::ffff:169.254.169.254]/v1", EgressPolicy.defaults()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("OPENAI_BASE_URL")
			.hasMessageContaining("a cloud metadata address, where providers may never point");
		assertThatThrownBy(() -> environmentAt("http://127.0.0.1:11434/v1", strict))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("parley.provider-egress.allow-loopback=false");
		try (EnvironmentProvider lan = environmentAt("http://10.0.0.7:8000/v1", strict)) {
			assertThat(lan.properties().effectiveBaseUrl()).isEqualTo("http://10.0.0.7:8000/v1");
		}
	}

	private EnvironmentProvider environmentAt(String baseUrl, EgressPolicy egress) {
		ProviderProperties properties = new ProviderProperties("openai", null, baseUrl, null, List.of(),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10,
				true, Duration.ZERO);
		return new EnvironmentProvider(properties, this.watchdog, egress, this.registry,
				JsonConfiguration.storageJsonMapper());
	}

	private EnvironmentProvider environment(List<String> models) {
		ProviderProperties properties = new ProviderProperties("openai", "sk-x", null, null, models,
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10,
				true, Duration.ZERO);
		return new EnvironmentProvider(properties, this.watchdog, EgressPolicy.defaults(), this.registry,
				JsonConfiguration.storageJsonMapper());
	}

	private StoredProvider store(String name, List<String> models, boolean enabled) {
		Instant now = Jdbc.now(Clock.systemUTC());
		StoredProvider provider = new StoredProvider(this.ids.next().toString(), name, ProviderProtocol.OPENAI,
				"http://127.0.0.1:9/v1", null, models, new StoredProvider.Timeouts(1000, 1000, 1000, 1000), null, true,
				enabled, now, now, List.of());
		this.store.insert(provider);
		return provider;
	}

	private static void assertUnknown(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.type()).isEqualTo(ProviderProblem.UNKNOWN_MODEL));
	}

}
