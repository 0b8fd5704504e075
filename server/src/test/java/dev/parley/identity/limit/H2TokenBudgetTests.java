package dev.parley.identity.limit;

import dev.parley.testsupport.TestDatabase;

/** The daily token quota on H2. */
class H2TokenBudgetTests extends TokenBudgetContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.h2();
	}

}
