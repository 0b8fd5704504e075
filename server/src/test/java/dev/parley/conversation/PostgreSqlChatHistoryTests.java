package dev.parley.conversation;

import dev.parley.testsupport.TestDatabase;

/** The ChatHistory contract on PostgreSql. */
class PostgreSqlChatHistoryTests extends ChatHistoryContractTests {

	@Override
	TestDatabase openDatabase() {
		return TestDatabase.postgresql();
	}

}
