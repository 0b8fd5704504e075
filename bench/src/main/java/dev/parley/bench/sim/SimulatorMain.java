package dev.parley.bench.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a program: {@code --port 9090 --host 127.0.0.1 --ttft-ms 0
 * --tokens 20 --delay-ms 0 --api-key X --fault cut --after 3 --retry-after 2}; prints one
 * line with its base URL when ready and runs until killed.
 */
public final class SimulatorMain {

	private SimulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		SimulatorConfig config;
		try {
			config = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: SimulatorMain [--port 9090] [--host 127.0.0.1] [--ttft-ms 0] [--tokens 20]"
					+ " [--delay-ms 0] [--api-key KEY] [--fault 500|429|529|hang|hang_headers|cut|malformed|error]"
					+ " [--after 3] [--retry-after 2]");
			System.exit(2);
			return;
		}
		Simulator simulator = Simulator.start(config);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}));
		System.out.println("Parley simulator ready at " + simulator.baseUrl());
		stopped.await();
	}

	static SimulatorConfig parse(String[] args) {
		SimulatorConfig config = SimulatorConfig.defaults().withPort(9090);
		String fault = null;
		int after = 0;
		int retryAfter = -1;
		for (int i = 0; i < args.length; i += 2) {
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + args[i]);
			}
			String value = args[i + 1];
			switch (args[i]) {
				case "--port" -> config = config.withPort(Integer.parseInt(value));
				case "--host" -> config = config.withHost(value);
				case "--ttft-ms" -> config = config.withTtftMs(Long.parseLong(value));
				case "--tokens" -> config = config.withTokens(Integer.parseInt(value));
				case "--delay-ms" -> config = config.withDelayMs(Long.parseLong(value));
				case "--api-key" -> config = config.withApiKey(value);
				case "--fault" -> fault = value;
				case "--after" -> after = Integer.parseInt(value);
				case "--retry-after" -> retryAfter = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("unknown flag " + args[i]);
			}
		}
		Fault.parse(fault);
		return config.withFault(fault, after, retryAfter);
	}

}
