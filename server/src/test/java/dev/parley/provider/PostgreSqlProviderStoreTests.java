package dev.parley.provider;

import dev.parley.testsupport.TestDatabase;

/** The provider tables on PostgreSql. */
class PostgreSqlProviderStoreTests extends ProviderStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.postgresql();
	}

}
