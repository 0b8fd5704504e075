package dev.parley.identity.limit;

import dev.parley.testsupport.TestDatabase;

/** The daily token quota on PostgreSql. */
class PostgreSqlTokenBudgetTests extends TokenBudgetContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.postgresql();
	}

}
