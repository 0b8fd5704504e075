package dev.parley.testsupport;

import java.util.function.Predicate;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;

/**
 * The simulated provider every whole-application test talks to (provider id
 * {@code openai}): started once per JVM on first use, so that application contexts cached
 * across test classes keep a live upstream.
 */
public final class TestSimulator {

	private TestSimulator() {
	}

	/** The shared simulator, started on first use with the default configuration. */
	public static Simulator get() {
		return Holder.SIMULATOR;
	}

	/**
	 * A second simulator, for tests that run on the concurrent lane beside the others
	 * (the processes {@link ParleyProcess} starts, the database outage tests), so that a
	 * test waiting for the shared simulator to hold no stream never waits on theirs.
	 */
	public static Simulator secondLane() {
		return SecondLaneHolder.SIMULATOR;
	}

	/**
	 * The latest request the simulator received whose last user message is
	 * {@code marker}.
	 */
	public static RecordedRequest received(String marker) {
		return lastRequest("whose last user message is " + marker,
				(request) -> marker.equals(request.lastUserMessage()));
	}

	/**
	 * The latest request the simulator received whose last user message contains
	 * {@code marker}.
	 */
	public static RecordedRequest receivedContaining(String marker) {
		return lastRequest("whose last user message contains " + marker,
				(request) -> request.lastUserMessage() != null && request.lastUserMessage().contains(marker));
	}

	/**
	 * The latest request the simulator received that matches, described as {@code what}.
	 */
	public static RecordedRequest lastRequest(String what, Predicate<RecordedRequest> matching) {
		return get().recentRequests()
			.reversed()
			.stream()
			.filter(matching)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the simulator received no request " + what));
	}

	private static final class Holder {

		static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	}

	private static final class SecondLaneHolder {

		static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	}

}
