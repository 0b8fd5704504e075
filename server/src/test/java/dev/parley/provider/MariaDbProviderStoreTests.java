package dev.parley.provider;

import dev.parley.testsupport.TestDatabase;

/** The provider tables on MariaDb. */
class MariaDbProviderStoreTests extends ProviderStoreContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.mariadb();
	}

}
