package dev.parley.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures the non-streaming gateway rows with wrk, one target after the other: the fixed
 * upstream alone, the nginx proxy in front of it, then Parley in front of it; each gets
 * an unrecorded warm-up run, then a recorded one with the CPU of its processes read
 * before and after.
 */
final class GatewayThroughput {

	private final GatewayPlan plan;

	private final Wrk wrk;

	private final String body;

	private final List<String> notes;

	GatewayThroughput(GatewayPlan plan, Wrk wrk, JsonMapper json, String prompt, List<String> notes) {
		this.plan = plan;
		this.wrk = wrk;
		this.notes = notes;
		ObjectNode node = json.createObjectNode();
		node.put("model", plan.model());
		node.put("stream", false);
		node.putArray("messages").addObject().put("role", "user").put("content", prompt);
		this.body = json.writeValueAsString(node);
	}

	/**
	 * Runs every target that is known; Parley's only when {@code parleyBase} is not null.
	 */
	List<ThroughputResult> run(URI parleyBase, String parleyKey, long parleyPid) throws InterruptedException {
		List<ThroughputResult> rows = new ArrayList<>();
		List<Long> upstream = this.plan.upstreamPids();
		measure(rows, ThroughputResult.UPSTREAM, completions(this.plan.upstream()), null, upstream, List.of());
		if (this.plan.proxy() != null) {
			measure(rows, ThroughputResult.PROXY, completions(this.plan.proxy()), null, this.plan.proxyPids(),
					upstream);
		}
		if (parleyBase != null) {
			List<Long> parley = (parleyPid > 0) ? List.of(parleyPid) : List.of();
			measure(rows, ThroughputResult.PARLEY, completions(URI.create(trim(parleyBase) + "/v1")),
					"Bearer " + parleyKey, parley, upstream);
		}
		return List.copyOf(rows);
	}

	private void measure(List<ThroughputResult> rows, String target, URI url, String authorization,
			List<Long> serverPids, List<Long> upstreamPids) throws InterruptedException {
		String label = target.toLowerCase(Locale.ROOT).replace(' ', '-');
		try {
			if (!this.plan.warmup().isZero()) {
				log("gateway %s: warm-up, %d s (not recorded)", target, this.plan.warmup().toSeconds());
				this.wrk.run(label + "-warmup", url, this.body, authorization, this.plan.threads(),
						this.plan.connections(), this.plan.warmup());
			}
			long server = CpuMeter.cpuNanos(serverPids);
			long up = CpuMeter.cpuNanos(upstreamPids);
			WrkResult result = this.wrk.run(label, url, this.body, authorization, this.plan.threads(),
					this.plan.connections(), this.plan.duration());
			ThroughputResult row = new ThroughputResult(target, result,
					ThroughputResult.msPerRequest(server, CpuMeter.cpuNanos(serverPids), result.requests()),
					ThroughputResult.msPerRequest(up, CpuMeter.cpuNanos(upstreamPids), result.requests()));
			rows.add(row);
			log("gateway %s: %,.0f req/s, p50 %s ms, p99 %s ms, %,d failed", target, result.requestsPerSecond(),
					ReportFormatter.ms(result.p50()), ReportFormatter.ms(result.p99()), result.failures());
		}
		catch (IOException ex) {
			this.notes.add("Gateway throughput, " + target + ": not measured, " + ex.getMessage());
			log("WARNING: gateway %s not measured: %s", target, ex.getMessage());
		}
	}

	private static URI completions(URI openAiBase) {
		return URI.create(trim(openAiBase) + "/chat/completions");
	}

	private static String trim(URI uri) {
		return DirectTarget.trimSlash(uri.toString());
	}

	private static void log(String format, Object... args) {
		System.err.println("bench: " + String.format(Locale.ROOT, format, args));
	}

}
