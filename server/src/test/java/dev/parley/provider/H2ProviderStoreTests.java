package dev.parley.provider;

import dev.parley.testsupport.TestDatabase;

/** The provider tables on H2. */
class H2ProviderStoreTests extends ProviderStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.h2();
	}

}
