package dev.parley.export.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.parley.export.format.ExportFormat;

/**
 * {@code parley.exports.started} and {@code parley.exports.finished} (by {@code format},
 * {@code mode} stream or job, and for the finished ones {@code outcome}), and
 * {@code parley.exports.messages} (messages written, by {@code format}).
 */
@Component
class ExportMetrics {

	private final MeterRegistry registry;

	ExportMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void started(ExportFormat format, String mode) {
		Counter.builder("parley.exports.started")
			.description("Exports started, by format and mode (stream or job)")
			.tag("format", format.value())
			.tag("mode", mode)
			.register(this.registry)
			.increment();
	}

	void finished(ExportFormat format, String mode, String outcome, long messages) {
		Counter.builder("parley.exports.finished")
			.description("Exports ended, by format, mode and outcome (completed, failed, stopped)")
			.tag("format", format.value())
			.tag("mode", mode)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Counter.builder("parley.exports.messages")
			.description("Messages written by exports, by format")
			.tag("format", format.value())
			.register(this.registry)
			.increment(messages);
	}

}
