package dev.parley.bench.driver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's settings, parsed from {@code --name value} or {@code --name=value} flags.
 *
 * @param parley Parley's base URL
 * @param sim the simulator's OpenAI base URL (ending in {@code /v1})
 * @param levels concurrency levels to measure
 * @param targets which paths to measure
 * @param duration recorded arrivals per phase
 * @param warmup unrecorded arrivals before each phase
 * @param jitWarmup an unrecorded phase per path at 100 streams before the first level (0
 * = none)
 * @param shape what each latency stream asks the simulator for
 * @param grace how long a phase may wait past its last stream's nominal end
 * @param capacity streams for the capacity phase (0 = skip)
 * @param capacityRamp over how long the capacity streams are opened
 * @param capacityHold how long they are all held
 * @param capacityDelayMs the simulator's delay between tokens for capacity streams
 * @param parleyPid Parley's process id, for RSS and CPU (0 = unknown)
 * @param parleyPids every Parley process of a cluster, whose CPU is summed as Parley's
 * (empty = {@code parleyPid} alone)
 * @param simPid the simulator's process id, for CPU (0 = unknown)
 * @param apiKey the bearer token sent to the simulator directly
 * @param parleyKey the bearer credential sent to Parley (a personal API key)
 * @param out where the markdown report is written
 * @param maxRun the run is aborted after this long, whatever it is doing
 * @param startToReadyMs Parley's start to its first healthy answer, measured by run.sh
 * (-1 = not measured)
 * @param relay an OpenAI base URL relaying the simulator (an nginx), measured as a third
 * path, or null
 * @param relayPids the relay's processes, for its CPU
 * @param idleRssKb Parley's RSS after start, before any load, measured by run.sh (-1 =
 * not measured)
 * @param gateway the non-streaming gateway throughput rows (wrk)
 * @param bursts the streaming gateway bursts
 */
record BenchOptions(URI parley, URI sim, List<Integer> levels, Targets targets, Duration duration, Duration warmup,
		Duration jitWarmup, StreamShape shape, Duration grace, int capacity, Duration capacityRamp,
		Duration capacityHold, int capacityDelayMs, long parleyPid, List<Long> parleyPids, long simPid, String apiKey,
		String parleyKey, Path out, Duration maxRun, long startToReadyMs, URI relay, List<Long> relayPids,
		long idleRssKb, GatewayPlan gateway, BurstPlan bursts) {

	/** Which paths a run measures. */
	enum Targets {

		BOTH, DIRECT, PARLEY;

		boolean direct() {
			return this != PARLEY;
		}

		boolean parley() {
			return this != DIRECT;
		}

	}

	static final String USAGE = """
			Usage: BenchmarkMain [flags]   (times in seconds unless the name says ms)
			  --parley URL             Parley base URL                      (http://127.0.0.1:8080)
			  --sim URL                simulator OpenAI base URL            (http://127.0.0.1:9090/v1)
			  --levels 1,100,1000      concurrent streams per level
			  --targets both           both | direct | parley
			  --duration-s 20          recorded arrivals per phase
			  --warmup-s 5             unrecorded arrivals before each phase
			  --jit-warmup-s 10        unrecorded phase per path at 100 streams first (0 = none)
			  --tokens 40              tokens per latency stream
			  --delay-ms 100           simulator delay between tokens
			  --ttft-ms 0              simulator time to first token
			  --grace-s 10             wait past a phase's last nominal stream end
			  --capacity 10000         streams held in the capacity phase (0 = skip)
			  --capacity-ramp-s 20     time over which capacity streams are opened
			  --capacity-hold-s 10     time all capacity streams are held together
			  --capacity-delay-ms 1000 simulator delay between tokens for capacity streams
			  --parley-pid 0           Parley's pid, for RSS and CPU from /proc (0 = unknown)
			  --parley-pids 1,2        every Parley instance behind a load balancer: CPU is their sum
			  --sim-pid 0              the simulator's pid, for CPU from /proc (0 = unknown)
			  --api-key bench          bearer token for the simulator
			  --parley-key KEY         Parley API key (pk_...) the streams are sent with; env PARLEY_BENCH_KEY
			  --out results.md         markdown report file
			  --max-run-s 900          abort the whole run after this long
			  --relay URL              an nginx relaying the simulator, measured as a third path (none = skip)
			  --relay-pids 1,2         the relay's pids (nginx master and workers), for its CPU per stream
			  --start-to-ready-ms -1   Parley's start to ready, for the report header (bench/run.sh measures it)
			  --idle-rss-kb -1         Parley's idle RSS after start, for the report header (bench/run.sh)
			  --gateway on             non-streaming gateway throughput rows with wrk (none = skip)
			  --gateway-upstream URL   OpenAI base URL of an nginx answering a fixed completion (bench/run.sh)
			  --gateway-proxy URL      OpenAI base URL of an nginx proxying that upstream, the floor (bench/run.sh)
			  --gateway-model M        Parley model routed to the fixed upstream                (fixed/fixed)
			  --gateway-upstream-pids, --gateway-proxy-pids   their nginx processes, for CPU per request
			  --gateway-duration-s 10  each recorded wrk run
			  --gateway-warmup-s 5     an unrecorded wrk run before each (0 = none)
			  --gateway-connections 64 wrk connections
			  --gateway-threads 2      wrk threads
			  --bursts 1,100,500       simultaneous gateway streams per burst (none = skip)
			  --burst-rounds 3         bursts of each size per path
			""";

	private static final List<String> FLAGS = List.of("parley", "sim", "levels", "targets", "duration-s", "warmup-s",
			"jit-warmup-s", "tokens", "delay-ms", "ttft-ms", "grace-s", "capacity", "capacity-ramp-s",
			"capacity-hold-s", "capacity-delay-ms", "parley-pid", "parley-pids", "sim-pid", "api-key", "parley-key",
			"out", "max-run-s", "start-to-ready-ms", "idle-rss-kb", "relay", "relay-pids", "gateway",
			"gateway-upstream", "gateway-proxy", "gateway-model", "gateway-upstream-pids", "gateway-proxy-pids",
			"gateway-duration-s", "gateway-warmup-s", "gateway-connections", "gateway-threads", "bursts",
			"burst-rounds");

	/**
	 * Parses flags.
	 * @throws IllegalArgumentException with a readable message for an unknown flag or a
	 * bad value
	 */
	static BenchOptions parse(String... args) {
		Map<String, String> values = read(args);
		BenchOptions options = new BenchOptions(URI.create(values.getOrDefault("parley", "http://127.0.0.1:8080")),
				URI.create(values.getOrDefault("sim", "http://127.0.0.1:9090/v1")),
				levels(values.getOrDefault("levels", "1,100,1000")),
				Targets.valueOf(values.getOrDefault("targets", "both").toUpperCase(java.util.Locale.ROOT)),
				seconds(values, "duration-s", 20), seconds(values, "warmup-s", 5), seconds(values, "jit-warmup-s", 10),
				new StreamShape(integer(values, "ttft-ms", 0), integer(values, "tokens", 40),
						integer(values, "delay-ms", 100)),
				seconds(values, "grace-s", 10), integer(values, "capacity", 10_000),
				seconds(values, "capacity-ramp-s", 20), seconds(values, "capacity-hold-s", 10),
				integer(values, "capacity-delay-ms", 1000), Long.parseLong(values.getOrDefault("parley-pid", "0")),
				pids(values, "parley-pids"), Long.parseLong(values.getOrDefault("sim-pid", "0")),
				values.getOrDefault("api-key", "bench"),
				values.getOrDefault("parley-key", System.getenv().getOrDefault("PARLEY_BENCH_KEY", "")),
				Path.of(values.getOrDefault("out", "results.md")), seconds(values, "max-run-s", 900),
				Long.parseLong(values.getOrDefault("start-to-ready-ms", "-1")), urlOrNone(values.get("relay")),
				pids(values, "relay-pids"), Long.parseLong(values.getOrDefault("idle-rss-kb", "-1")), gateway(values),
				bursts(values));
		options.validate();
		return options;
	}

	/** The processes whose CPU is Parley's: all instances of a cluster, or the one. */
	List<Long> parleyCpuPids() {
		return !this.parleyPids.isEmpty() ? this.parleyPids
				: (this.parleyPid > 0) ? List.of(this.parleyPid) : List.of();
	}

	private void validate() {
		if (this.shape.nominalDuration().toMillis() < 10 && !this.levels.isEmpty()) {
			throw new IllegalArgumentException(
					"a stream must last at least 10 ms (ttft-ms + tokens x delay-ms) to derive an arrival rate");
		}
		if (this.duration.isZero() || this.capacity < 0 || this.capacityRamp.isZero() || this.capacityDelayMs < 1) {
			throw new IllegalArgumentException("duration-s, capacity-ramp-s and capacity-delay-ms must be positive");
		}
		if (this.targets.parley() && (this.parleyKey == null || this.parleyKey.isBlank())) {
			throw new IllegalArgumentException("Parley needs credentials: pass --parley-key pk_... (or set "
					+ "PARLEY_BENCH_KEY), a personal API key; bench/run.sh creates one");
		}
	}

	private static Map<String, String> read(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("flag --" + name + " needs a value");
			}
			if (!FLAGS.contains(name)) {
				throw new IllegalArgumentException("unknown flag --" + name);
			}
			values.put(name, value);
		}
		return values;
	}

	private static URI urlOrNone(String value) {
		return (value == null || value.isBlank() || value.equals("none")) ? null : URI.create(value.trim());
	}

	private static GatewayPlan gateway(Map<String, String> values) {
		String mode = values.getOrDefault("gateway", "on").trim();
		if (!mode.equals("on") && !mode.equals("none")) {
			throw new IllegalArgumentException("--gateway is 'on' or 'none', got " + mode);
		}
		int connections = integer(values, "gateway-connections", 64);
		int threads = integer(values, "gateway-threads", 2);
		if (connections < 1 || threads < 1 || threads > connections) {
			throw new IllegalArgumentException("--gateway-connections and --gateway-threads must be positive, "
					+ "with no more threads than connections");
		}
		Duration duration = seconds(values, "gateway-duration-s", 10);
		if (duration.isZero()) {
			throw new IllegalArgumentException("--gateway-duration-s must be positive");
		}
		return new GatewayPlan(mode.equals("on"), urlOrNone(values.get("gateway-upstream")),
				urlOrNone(values.get("gateway-proxy")), values.getOrDefault("gateway-model", "fixed/fixed"),
				pids(values, "gateway-upstream-pids"), pids(values, "gateway-proxy-pids"), duration,
				seconds(values, "gateway-warmup-s", 5), connections, threads);
	}

	private static BurstPlan bursts(Map<String, String> values) {
		String sizes = values.getOrDefault("bursts", "1,100,500").trim();
		int rounds = integer(values, "burst-rounds", 3);
		if (rounds < 1) {
			throw new IllegalArgumentException("--burst-rounds must be positive");
		}
		return new BurstPlan(sizes.equals("none") ? List.of() : levels(sizes), rounds);
	}

	private static List<Long> pids(Map<String, String> values, String flag) {
		String text = values.getOrDefault(flag, "");
		List<Long> pids = new ArrayList<>();
		for (String part : text.split(",")) {
			if (!part.isBlank()) {
				try {
					pids.add(Long.parseLong(part.trim()));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("--" + flag + " needs process ids separated by commas: " + text);
				}
			}
		}
		return List.copyOf(pids);
	}

	private static List<Integer> levels(String text) {
		List<Integer> levels = new ArrayList<>();
		Arrays.stream(text.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).forEach((s) -> {
			int level = Integer.parseInt(s);
			if (level < 1) {
				throw new IllegalArgumentException("levels must be positive: " + text);
			}
			levels.add(level);
		});
		return List.copyOf(levels);
	}

	private static int integer(Map<String, String> values, String name, int fallback) {
		String value = values.get(name);
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " needs a whole number, got " + value);
		}
	}

	private static Duration seconds(Map<String, String> values, String name, int fallback) {
		int value = integer(values, name, fallback);
		if (value < 0) {
			throw new IllegalArgumentException("--" + name + " must not be negative");
		}
		return Duration.ofSeconds(value);
	}

}
