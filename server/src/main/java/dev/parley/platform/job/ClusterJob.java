package dev.parley.platform.job;

import java.time.Duration;

/**
 * A scheduled job that one instance of a cluster runs per slot: slots start at the
 * multiples of {@link #interval()} since the epoch, so every instance tries the same slot
 * and the job's lock lets only the first one run it. A job is a bean; the scheduler finds
 * it.
 */
public interface ClusterJob {

	/**
	 * The job's name: the name of its lock (at most 64 characters) and the {@code job}
	 * tag of its metrics.
	 */
	String name();

	/** How often the job runs. */
	Duration interval();

	/**
	 * One run, on the jobs' own thread while this instance holds the job's lock. Work is
	 * done in short transactions, and the run returns early once
	 * {@link JobRun#shouldStop()}: the next slot goes on from there.
	 * @return how many rows the run changed, for the log
	 */
	long run(JobRun run);

}
