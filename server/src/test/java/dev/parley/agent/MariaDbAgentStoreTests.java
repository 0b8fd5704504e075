package dev.parley.agent;

import dev.parley.testsupport.TestDatabase;

/** The agents and saved contexts store contract on MariaDb. */
class MariaDbAgentStoreTests extends AgentStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.mariadb();
	}

}
