package dev.parley.gateway;

import dev.parley.testsupport.TestDatabase;

/** Gateway usage per API key on PostgreSql. */
class PostgreSqlApiKeyUsageTests extends ApiKeyUsageContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.postgresql();
	}

}
