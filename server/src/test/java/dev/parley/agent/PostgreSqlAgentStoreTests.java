package dev.parley.agent;

import dev.parley.testsupport.TestDatabase;

/** The agents and saved contexts store contract on PostgreSql. */
class PostgreSqlAgentStoreTests extends AgentStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.postgresql();
	}

}
