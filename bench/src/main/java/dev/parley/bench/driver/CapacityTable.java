package dev.parley.bench.driver;

import java.util.Locale;

/** The capacity section of the report. */
final class CapacityTable {

	private CapacityTable() {
	}

	static void append(StringBuilder md, CapacityResult c) {
		Failures f = c.failures();
		md.append("## Capacity (through Parley)\n\n| Figure | Value |\n|---|---|\n");
		row(md, "Streams opened", String.format(Locale.ROOT, "%,d, each `%s`", c.requested(), c.shape().model()));
		row(md, "Peak held concurrently", String.format(Locale.ROOT, "%,d", c.peakHeld())
				+ ((c.peakHeld() < c.requested()) ? " (**fewer than opened**)" : ""));
		row(md, "Completed", String.format(Locale.ROOT, "%,d", c.ok()));
		row(md, "Failed",
				String.format(Locale.ROOT,
						"%,d (HTTP errors %s, error events %d, dropped %d, timeouts %d, no response %d, incomplete %d)",
						f.total(), ReportFormatter.httpErrors(f), f.errorEvents(), f.dropped(), f.timeouts(),
						f.connectFailures(), f.incomplete()));
		row(md, "TTFT p50 / p99 / max (ms)", (c.ttft().count() == 0) ? "-" : ReportFormatter.ms(c.ttft().p50()) + " / "
				+ ReportFormatter.ms(c.ttft().p99()) + " / " + ReportFormatter.ms(c.ttft().max()));
		row(md, "Heap used: before / max sample / min while held (MB)", ReportFormatter.mb(c.heapBefore()) + " / "
				+ ReportFormatter.mb(c.heapMax()) + " / " + ReportFormatter.mb(c.heapMinWhileHeld()));
		row(md, "RSS: before / max sample / high-water VmHWM (MB)", ReportFormatter.mb(c.rssBefore()) + " / "
				+ ReportFormatter.mb(c.rssMax()) + " / " + ReportFormatter.mb(c.rssHighWater()));
		row(md, "CPU cores driver / Parley / sim", c.cpu().format());
		md.append('\n');
	}

	private static void row(StringBuilder md, String figure, String value) {
		md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
	}

}
