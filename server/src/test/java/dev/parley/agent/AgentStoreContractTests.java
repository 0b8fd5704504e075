package dev.parley.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.ModelParams;
import dev.parley.provider.RouteTarget;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The agents and saved contexts tables against a real database, run on each supported
 * server.
 */
@OnEachDatabase
class AgentStoreContractTests {

	private final IdGenerator ids = new IdGenerator();

	@Parameter
	DatabaseServer database;

	private AgentRepository agents;

	private SavedContextRepository contexts;

	private TransactionTemplate transactions;

	@BeforeEach
	void open() {
		DataSource dataSource = this.database.dataSource();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		this.agents = new AgentRepository(jdbc, JsonConfiguration.storageJsonMapper());
		this.contexts = new SavedContextRepository(jdbc);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Test
	void anAgentReadsBackAsWrittenWithTextVerbatim() {
		String tricky = "'; DROP TABLE agents; -- \"quoted\" \\ 你好 😀 <script>alert(1)</script>";
		Agent agent = agent("Store " + UUID.randomUUID(), "owner-1", Visibility.ROLES, Set.of(Audience.AGENT));
		agent = new Agent(agent.id(), agent.ownerId(), agent.name(), tricky, "https://example.com/a.png",
				List.of(new RouteTarget("openai", "gpt-4o", 3), new RouteTarget("backup", "m?x=1", 0)),
				new ModelParams(0.7, 0.9, 512, List.of("END", tricky)), tricky,
				List.of(new AgentMessage("user", tricky), new AgentMessage("assistant", "ok")), List.of(tricky),
				List.of("q1", "q2"), agent.visibility(), agent.visibleRoles(), true, false, agent.createdAt(),
				agent.updatedAt());
		this.agents.insert(agent);
		assertThat(this.agents.find(agent.id())).contains(agent);
		assertThat(this.agents.findByName(agent.name().toUpperCase())).contains(agent);
	}

	@Test
	void namesAreUniqueIgnoringCase() {
		String name = "Unique " + UUID.randomUUID();
		this.agents.insert(agent(name, "owner-1", Visibility.PRIVATE, Set.of()));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.agents.insert(agent(name.toUpperCase(), "owner-2", Visibility.PRIVATE, Set.of())));
	}

	@Test
	void eachUserSeesPublicTheirRolesAndTheirOwnAgents() {
		String owner = "owner-" + UUID.randomUUID();
		Agent open = agent("Public " + UUID.randomUUID(), null, Visibility.PUBLIC, Set.of());
		Agent staff = agent("Staff " + UUID.randomUUID(), null, Visibility.ROLES,
				Set.of(Audience.AGENT, Audience.ADMIN));
		Agent mine = agent("Mine " + UUID.randomUUID(), owner, Visibility.PRIVATE, Set.of());
		List.of(open, staff, mine).forEach(this.agents::insert);

		assertThat(ids(this.agents.visibleTo(owner, "USER"))).contains(open.id(), mine.id()).doesNotContain(staff.id());
		assertThat(ids(this.agents.visibleTo("someone", "AGENT"))).contains(open.id(), staff.id())
			.doesNotContain(mine.id());
		assertThat(ids(this.agents.visibleTo("someone", "USER"))).contains(open.id())
			.doesNotContain(staff.id(), mine.id());
		assertThat(ids(this.agents.all())).contains(open.id(), staff.id(), mine.id());
	}

	@Test
	void theDefaultAgentIsCreatedOnceWhenInstancesStartTogetherAndListedFirst() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> starts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				starts.add(pool.submit(() -> new DefaultAgent(this.agents, Clock.systemUTC()).ensure()));
			}
			for (Future<?> start : starts) {
				start.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Agent first = this.agents.all().getFirst();
		assertThat(first.id()).isEqualTo(DefaultAgent.WELL_KNOWN_ID);
		assertThat(first.isDefault()).isTrue();
		assertThat(first.visibility()).isEqualTo(Visibility.PUBLIC);
		assertThat(first.greetings()).isNotEmpty();
		assertThat(this.agents.all().stream().filter(Agent::isDefault)).hasSize(1);
		assertThat(this.agents.visibleTo("anyone", "USER").getFirst().id()).isEqualTo(DefaultAgent.WELL_KNOWN_ID);
	}

	@Test
	void markingAContextDefaultUnmarksTheOthersAndOwnersAreSeparate() {
		String owner = "owner-" + UUID.randomUUID();
		SavedContextService service = contexts(owner);
		SavedContext first = service.create(new SavedContextRequests.Body("First", "Be brief.", true));
		SavedContext second = service.create(new SavedContextRequests.Body("Second", "Be kind.", true));
		assertThat(service.defaultContext()).map(SavedContext::id).contains(second.id());
		assertThat(service.find(first.id()).orElseThrow().isDefault()).isFalse();

		service.update(first.id(), new SavedContextRequests.Body(null, null, true));
		assertThat(service.list()).extracting(SavedContext::name).containsExactly("First", "Second");
		assertThat(service.list()).extracting(SavedContext::isDefault).containsExactly(true, false);

		SavedContextService other = contexts("other-" + UUID.randomUUID());
		assertThat(other.find(first.id())).isEmpty();
		assertThat(other.defaultContext()).isEmpty();
		other.create(new SavedContextRequests.Body("First", "Mine too.", false));
		Instant now = Jdbc.now(Clock.systemUTC());
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(
				() -> this.contexts.insert(owner, new SavedContext(this.ids.next(), "First", "dup", false, now, now)));
	}

	private SavedContextService contexts(String owner) {
		CurrentUser user = () -> owner;
		return new SavedContextService(this.contexts, user, this.ids, this.transactions, Clock.systemUTC());
	}

	private Agent agent(String name, String owner, Visibility visibility, Set<Audience> roles) {
		Instant now = Jdbc.now(Clock.systemUTC());
		return new Agent(this.ids.next(), owner, name, null, null, List.of(), ModelParams.NONE, null, List.of(),
				List.of(), List.of(), visibility, roles, false, false, now, now);
	}

	private static List<UUID> ids(List<Agent> agents) {
		return agents.stream().map(Agent::id).toList();
	}

}
