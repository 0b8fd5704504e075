package dev.parley.conversation;

import dev.parley.testsupport.TestDatabase;

/** The ChatHistory contract on H2. */
class H2ChatHistoryTests extends ChatHistoryContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.h2();
	}

}
