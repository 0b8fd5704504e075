package dev.parley.agent;

import dev.parley.testsupport.TestDatabase;

/** The agents and saved contexts store contract on H2. */
class H2AgentStoreTests extends AgentStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.h2();
	}

}
