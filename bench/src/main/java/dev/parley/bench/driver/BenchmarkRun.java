package dev.parley.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run: set-up, warm-up, each level on every path, the gateway rows
 * (non-streaming throughput, streaming bursts), then the capacity phase.
 */
final class BenchmarkRun {

	private static final String PROMPT = "Benchmark: please stream a reply.";

	private static final int CLIENTS_PER_TARGET = 2;

	private static final Duration POOL_TIMEOUT = Duration.ofSeconds(120);

	private final BenchOptions options;

	private final String command;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> notes = new ArrayList<>();

	BenchmarkRun(BenchOptions options, String command) {
		this.options = options;
		this.command = command;
	}

	/**
	 * Runs every phase and returns the report.
	 * @throws IllegalStateException if Parley is needed but not healthy
	 */
	RunReport run() throws InterruptedException {
		long started = System.nanoTime();
		log("plan: levels %s, targets %s, capacity %,d; estimated %d s", this.options.levels(), this.options.targets(),
				this.options.targets().parley() ? this.options.capacity() : 0, estimateSeconds(this.options));
		ClientGroup directClients = ClientGroup.create(CLIENTS_PER_TARGET);
		ClientGroup parleyClients = ClientGroup.create(CLIENTS_PER_TARGET);
		ParleyProbe probe = new ParleyProbe(ClientGroup.create(1).next(), this.options.parley(),
				this.options.parleyPid());
		List<LevelResult> levels = new ArrayList<>();
		CapacityResult capacity = null;
		GatewayResults gateway = GatewayResults.NONE;
		CpuMeter cpu = new CpuMeter(this.options.parleyCpuPids(), this.options.simPid(), this.options.relayPids());
		try (StreamRegistry registry = new StreamRegistry()) {
			LoadPhase directPhase = new LoadPhase(new StreamRunner(directClients, registry), registry, cpu);
			LoadPhase parleyPhase = new LoadPhase(new StreamRunner(parleyClients, registry), registry, cpu);
			LoadPhase relayPhase = new LoadPhase(new StreamRunner(ClientGroup.create(CLIENTS_PER_TARGET), registry),
					registry, cpu);
			DirectTarget relay = (this.options.relay() != null)
					? new DirectTarget(this.json, this.options.relay(), this.options.apiKey(), PROMPT, "relay") : null;
			DirectTarget direct = this.options.targets().direct()
					? new DirectTarget(this.json, this.options.sim(), this.options.apiKey(), PROMPT) : null;
			ConversationPool pool = this.options.targets().parley() ? preparePool(parleyClients.next(), probe) : null;
			ParleyTarget parley = (pool != null)
					? new ParleyTarget(this.json, this.options.parley(), this.options.parleyKey(), pool, PROMPT) : null;
			warmUp(directPhase, direct, parleyPhase, parley);
			for (int level : this.options.levels()) {
				PhaseResult d = (direct != null) ? phase(directPhase, direct, level) : null;
				PhaseResult r = (relay != null) ? phase(relayPhase, relay, level) : null;
				PhaseResult p = (parley != null) ? phase(parleyPhase, parley, level) : null;
				levels.add(new LevelResult(level, d, p, r));
			}
			gateway = new GatewayResults(throughput(), bursts(registry, cpu));
			if (parley != null && this.options.capacity() > 0) {
				log("capacity: opening %,d streams over %d s", this.options.capacity(),
						this.options.capacityRamp().toSeconds());
				capacity = new CapacityPhase(new StreamRunner(parleyClients, registry), parleyPhase, probe, cpu).run(
						parley, this.options.capacity(), this.options.capacityRamp(), this.options.capacityHold(),
						this.options.capacityDelayMs());
				log("capacity: peak held %,d, completed %,d, failed %,d", capacity.peakHeld(), capacity.ok(),
						capacity.failures().total());
			}
			else if (this.options.capacity() > 0) {
				this.notes.add("Capacity phase skipped: it runs through Parley, which this run did not target.");
			}
			if (pool != null && pool.createdDuringRun() > 0) {
				this.notes.add(pool.createdDuringRun() + " conversations had to be created while streams were running "
						+ "(the pool was too small); their creation time is inside those streams' latency.");
			}
		}
		long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		return new RunReport(this.options, this.command, MachineInfo.describe(), List.copyOf(levels), capacity, gateway,
				Collections.unmodifiableList(this.notes), elapsed);
	}

	private List<ThroughputResult> throughput() throws InterruptedException {
		GatewayPlan plan = this.options.gateway();
		if (!plan.enabled()) {
			return List.of();
		}
		if (plan.upstream() == null) {
			this.notes
				.add("Gateway throughput skipped: no --gateway-upstream (bench/run.sh starts the nginx it needs).");
			return List.of();
		}
		Wrk wrk;
		try {
			wrk = Wrk.in(this.options.out().toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			this.notes.add("Gateway throughput skipped: " + ex.getMessage());
			return List.of();
		}
		URI parley = this.options.targets().parley() ? this.options.parley() : null;
		return new GatewayThroughput(plan, wrk, this.json, PROMPT, this.notes).run(parley, this.options.parleyKey(),
				this.options.parleyPid());
	}

	private List<BurstResult> bursts(StreamRegistry registry, CpuMeter cpu) throws InterruptedException {
		BurstPlan plan = this.options.bursts();
		if (!plan.runs()) {
			return List.of();
		}
		List<BurstPath> paths = new ArrayList<>();
		paths.add(new BurstPath(
				new DirectTarget(this.json, this.options.sim(), this.options.apiKey(), PROMPT, BurstResult.DIRECT),
				(u) -> -1));
		if (this.options.relay() != null) {
			paths.add(new BurstPath(
					new DirectTarget(this.json, this.options.relay(), this.options.apiKey(), PROMPT, BurstResult.RELAY),
					CpuMeter.CpuUsage::relay));
		}
		if (this.options.targets().parley()) {
			URI gateway = URI.create(DirectTarget.trimSlash(this.options.parley().toString()) + "/v1");
			paths.add(new BurstPath(
					new DirectTarget(this.json, gateway, this.options.parleyKey(), PROMPT, BurstResult.GATEWAY),
					CpuMeter.CpuUsage::parley));
		}
		BurstPhase phase = new BurstPhase(registry, cpu);
		StreamShape shape = this.options.shape();
		int warmSize = Math.min(100, plan.sizes().stream().mapToInt(Integer::intValue).max().orElse(1));
		for (BurstPath path : paths) {
			log("burst warm-up: %s, %d streams (not recorded)", path.target().name(), warmSize);
			phase.run(path.target().name(), path.target(), path.clients(), shape, warmSize, 1, this.options.grace(),
					path.serverCores());
		}
		List<BurstResult> rows = new ArrayList<>();
		for (int size : plan.sizes()) {
			for (BurstPath path : paths) {
				BurstResult r = phase.run(path.target().name(), path.target(), path.clients(), shape, size,
						plan.rounds(), this.options.grace(), path.serverCores());
				log("burst %,d %s: completed %,d of %,d, failed %,d, TTFT p50 %s ms, p99 %s ms", size, r.path(), r.ok(),
						r.streams(), r.failures().total(), ReportFormatter.ms(r.ttft().p50()),
						ReportFormatter.ms(r.ttft().p99()));
				rows.add(r);
				Thread.sleep(1000);
			}
		}
		return List.copyOf(rows);
	}

	/**
	 * One path of the bursts, with its own clients and the server whose CPU it reports.
	 */
	private record BurstPath(DirectTarget target, ClientGroup clients,
			java.util.function.ToDoubleFunction<CpuMeter.CpuUsage> serverCores) {

		BurstPath(DirectTarget target, java.util.function.ToDoubleFunction<CpuMeter.CpuUsage> serverCores) {
			this(target, ClientGroup.create(CLIENTS_PER_TARGET), serverCores);
		}

	}

	private ConversationPool preparePool(HttpClient client, ParleyProbe probe) throws InterruptedException {
		if (!probe.healthy()) {
			throw new IllegalStateException("Parley does not answer GET " + this.options.parley() + "/health with 200");
		}
		int maxLevel = this.options.levels().stream().mapToInt(Integer::intValue).max().orElse(0);
		int size = Math.max(2 * maxLevel, this.options.capacity()) + 16;
		ConversationPool pool = new ConversationPool(client, this.json, this.options.parley(),
				this.options.parleyKey());
		log("creating %,d conversations", size);
		int missing = pool.fill(size, 16, POOL_TIMEOUT);
		if (missing > 0) {
			this.notes.add(missing + " of " + size + " conversations could not be created before the run.");
			log("WARNING: %,d conversations could not be created", missing);
		}
		return pool;
	}

	private void warmUp(LoadPhase directPhase, DirectTarget direct, LoadPhase parleyPhase, ParleyTarget parley)
			throws InterruptedException {
		if (this.options.jitWarmup().isZero() || this.options.levels().isEmpty()) {
			return;
		}
		int level = Math.min(100, this.options.levels().stream().mapToInt(Integer::intValue).max().orElse(1));
		ArrivalSchedule schedule = ArrivalSchedule.forConcurrency(level, this.options.shape().nominalDuration(),
				Duration.ZERO, this.options.jitWarmup());
		warm(directPhase, direct, level, schedule);
		warm(parleyPhase, parley, level, schedule);
	}

	private void warm(LoadPhase phase, StreamTarget target, int level, ArrivalSchedule schedule)
			throws InterruptedException {
		if (target == null) {
			return;
		}
		log("JIT warm-up: %s at %d streams for %d s (not recorded)", target.name(), level,
				this.options.jitWarmup().toSeconds());
		phase.run(target, this.options.shape(), schedule, this.options.grace());
		Thread.sleep(1000);
	}

	private PhaseResult phase(LoadPhase phase, StreamTarget target, int level) throws InterruptedException {
		ArrivalSchedule schedule = ArrivalSchedule.forConcurrency(level, this.options.shape().nominalDuration(),
				this.options.warmup(), this.options.duration());
		log("level %,d %s: %,d streams at %.1f/s (%,d warm-up)", level, target.name(), schedule.total(),
				schedule.ratePerSecond(), schedule.warmupCount());
		PhaseResult result = phase.run(target, this.options.shape(), schedule, this.options.grace());
		log("level %,d %s: completed %,d, failed %,d, TTFT p99 %s ms, total p99 %s ms, peak in flight %,d", level,
				target.name(), result.ok(), result.failures().total(), ReportFormatter.ms(result.ttft().p99()),
				ReportFormatter.ms(result.total().p99()), result.peakInFlight());
		Thread.sleep(1000);
		return result;
	}

	/** A rough upper estimate of the run time with these options, in seconds. */
	static long estimateSeconds(BenchOptions o) {
		int paths = (o.targets() == BenchOptions.Targets.BOTH) ? 2 : 1;
		long stream = o.shape().nominalDuration().toSeconds() + 1;
		long perPhase = o.warmup().toSeconds() + o.duration().toSeconds() + stream + 1;
		long jit = o.jitWarmup().isZero() ? 0 : paths * (o.jitWarmup().toSeconds() + stream + 1);
		long capacity = (o.targets().parley() && o.capacity() > 0)
				? 2 * o.capacityRamp().toSeconds() + o.capacityHold().toSeconds() + o.capacityDelayMs() / 1000 + 5 : 0;
		long gateway = o.gateway().runs()
				? 3 * (o.gateway().warmup().toSeconds() + o.gateway().duration().toSeconds() + 1) : 0;
		long bursts = o.bursts().runs() ? ((o.relay() != null) ? 3 : 2) * (stream + 1L)
				* (1 + (long) o.bursts().sizes().size() * o.bursts().rounds()) : 0;
		return jit + (long) paths * o.levels().size() * perPhase + gateway + bursts + capacity;
	}

	private static void log(String format, Object... args) {
		System.err.println("bench: " + String.format(Locale.ROOT, format, args));
	}

}
