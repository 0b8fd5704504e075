package dev.parley.gateway;

import dev.parley.testsupport.TestDatabase;

/** Gateway usage per API key on H2. */
class H2ApiKeyUsageTests extends ApiKeyUsageContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.h2();
	}

}
