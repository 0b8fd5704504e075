package dev.parley.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.PrivateRedis;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

/**
 * The cluster's chat flows once on MariaDB: two Parley processes on one MariaDB database
 * and a Redis of the test's own.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClusterOnMariaDbIT {

	private static TestDatabase database;

	private static PrivateRedis redis;

	private static ParleyProcess a;

	private static ParleyProcess b;

	@BeforeAll
	static void startCluster() {
		database = TestDatabase.mariadb();
		redis = PrivateRedis.launch();
		a = instance("a");
		b = instance("b");
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (AutoCloseable closeable : new AutoCloseable[] { a, b, redis, database }) {
			if (closeable != null) {
				closeable.close();
			}
		}
	}

	private static ParleyProcess instance(String name) {
		return ParleyProcess.on(TestApp.newDataDir())
			.database(database)
			.property("parley.redis.url", redis.url())
			.property("parley.chat.instance-id", name)
			.start();
	}

	@Test
	@Execution(ExecutionMode.SAME_THREAD)
	void aReplyIsFollowedAndResumedOnTheOtherInstanceAndStoppedFromIt() {
		ClusterFlows.followedLiveAndResumedElsewhere(a, b, b);
		ClusterFlows.stopRelayedToTheRunningInstance(a, b, b);
	}

}
