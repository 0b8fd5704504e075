package dev.parley.conversation;

import dev.parley.testsupport.TestDatabase;

/** The ChatHistory contract on MariaDb. */
class MariaDbChatHistoryTests extends ChatHistoryContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.mariadb();
	}

}
