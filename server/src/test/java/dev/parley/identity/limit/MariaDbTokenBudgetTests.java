package dev.parley.identity.limit;

import dev.parley.testsupport.TestDatabase;

/** The daily token quota on MariaDb. */
class MariaDbTokenBudgetTests extends TokenBudgetContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.mariadb();
	}

}
