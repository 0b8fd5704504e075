package dev.parley.gateway;

import dev.parley.testsupport.TestDatabase;

/** Gateway usage per API key on MariaDb. */
class MariaDbApiKeyUsageTests extends ApiKeyUsageContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.mariadb();
	}

}
