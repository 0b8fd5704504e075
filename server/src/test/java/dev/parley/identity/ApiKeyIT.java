package dev.parley.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API keys: shown once, stored hashed, usable as a bearer credential within
 * their scopes, and dead once expired, deleted or tampered with.
 */
class ApiKeyIT extends WholeAppTestBase {

	@Autowired
	private PrincipalCache principals;

	@Test
	void aKeyIsShownOnceStoredHashedAndWorksLikeAToken() {
		TestAccounts.Session user = newUser();
		Response created = call(user, "POST", "/api/v1/api-keys", json("name", "CI script"));
		assertThat(created.status()).isEqualTo(201);
		String key = created.text("/key");
		assertThat(key).startsWith("pk_").hasSize(46);
		assertThat(created.json().get("scopes")).hasSize(8);
		assertThat(count("SELECT COUNT(*) FROM api_keys WHERE key_hash = ?", key)).isZero();

		Response list = call(user, "GET", "/api/v1/api-keys", null);
		assertThat(list.json()).hasSize(1);
		assertThat(list.json().get(0).has("key")).isFalse();
		assertThat(list.text("/0/prefix")).isEqualTo(key.substring(0, 10));
		assertThat(list.json().get(0).get("last_used_at").isNull()).isTrue();

		Response conversation = send("POST", "/api/v1/conversations", "Bearer " + key, json("title", "via key"));
		assertThat(conversation.status()).isEqualTo(201);
		assertThat(call(user, "GET", "/api/v1/conversations/" + conversation.text("/id"), null).status())
			.isEqualTo(200);
		assertThat(call(user, "GET", "/api/v1/api-keys", null).json().get(0).get("last_used_at").isNull()).isFalse();
	}

	@Test
	void scopesLimitWhatAKeyMayDo() {
		TestAccounts.Session user = newUser();
		String reader = call(user, "POST", "/api/v1/api-keys",
				"{\"name\":\"reader\",\"scopes\":[\"conversations:read\"]}")
			.text("/key");
		assertThat(send("GET", "/api/v1/conversations", "Bearer " + reader, null).status()).isEqualTo(200);
		send("POST", "/api/v1/conversations", "Bearer " + reader, "{}").assertProblem(403, "forbidden");
		String conversation = call(user, "POST", "/api/v1/conversations", "{}").text("/id");
		send("POST", "/api/v1/conversations/" + conversation + "/messages", "Bearer " + reader, json("content", "hi"))
			.assertProblem(403, "forbidden");
		// Keys never manage keys or the account.
		send("GET", "/api/v1/api-keys", "Bearer " + reader, null).assertProblem(403, "forbidden");
		send("POST", "/api/v1/users/me/password", "Bearer " + reader,
				json("current_password", TestAccounts.PASSWORD, "new_password", "Other-pass-123"))
			.assertProblem(403, "forbidden");
		assertThat(send("GET", "/api/v1/users/me", "Bearer " + reader, null).text("/id")).isEqualTo(user.userId());
		// Agents and saved contexts have scopes of their own.
		send("GET", "/api/v1/agents", "Bearer " + reader, null).assertProblem(403, "forbidden");
		send("GET", "/api/v1/contexts", "Bearer " + reader, null).assertProblem(403, "forbidden");
		String agentReader = call(user, "POST", "/api/v1/api-keys",
				"{\"name\":\"agents\",\"scopes\":[\"agents:read\",\"contexts:read\"]}")
			.text("/key");
		assertThat(send("GET", "/api/v1/agents", "Bearer " + agentReader, null).status()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/contexts", "Bearer " + agentReader, null).status()).isEqualTo(200);
		send("POST", "/api/v1/agents", "Bearer " + agentReader, json("name", "by key")).assertProblem(403, "forbidden");
		send("POST", "/api/v1/contexts", "Bearer " + agentReader, json("name", "by key", "system_prompt", "x"))
			.assertProblem(403, "forbidden");
		String all = call(user, "POST", "/api/v1/api-keys", json("name", "all")).text("/key");
		assertThat(
				send("POST", "/api/v1/agents", "Bearer " + all, json("name", "by key " + UUID.randomUUID())).status())
			.isEqualTo(201);

		call(user, "POST", "/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"everything\"]}").assertProblem(400,
				"invalid-request");
		call(user, "POST", "/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[]}").assertProblem(400, "invalid-request");
		call(user, "POST", "/api/v1/api-keys", json("name", " ")).assertProblem(400, "invalid-request");
		call(user, "POST", "/api/v1/api-keys", json("name", "old", "expires_at", "2020-01-01T00:00:00Z"))
			.assertProblem(400, "invalid-request");
		assertThat(call(user, "GET", "/api/v1/api-keys", null).json()).hasSize(3);
	}

	@Test
	void tamperedExpiredAndDeletedKeysStopWorking() {
		TestAccounts.Session user = newUser();
		Response created = call(user, "POST", "/api/v1/api-keys",
				json("name", "k", "expires_at", "2999-01-01T00:00:00Z"));
		String key = created.text("/key");
		String id = created.text("/id");
		String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
		send("GET", "/api/v1/conversations", "Bearer " + tampered, null).assertProblem(401, "unauthorized");
		send("GET", "/api/v1/conversations", "Bearer pk_", null).assertProblem(401, "unauthorized");

		TestAccounts.Session other = newUser();
		call(other, "DELETE", "/api/v1/api-keys/" + id, null).assertProblem(404, "api-key-not-found");
		call(other, "DELETE", "/api/v1/api-keys/" + UUID.randomUUID(), null).assertProblem(404, "api-key-not-found");
		assertThat(send("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);

		this.jdbc.sql("UPDATE api_keys SET expires_at = TIMESTAMP '2020-01-01 00:00:00' WHERE id = ?")
			.param(id)
			.update();
		// Written behind the application's back: what it cached of the key is dropped by
		// hand.
		this.principals.dropAll();
		send("GET", "/api/v1/conversations", "Bearer " + key, null).assertProblem(401, "unauthorized");
		this.jdbc.sql("UPDATE api_keys SET expires_at = NULL WHERE id = ?").param(id).update();
		this.principals.dropAll();
		assertThat(send("GET", "/api/v1/conversations", "Bearer " + key, null).status()).isEqualTo(200);

		assertThat(call(user, "DELETE", "/api/v1/api-keys/" + id, null).status()).isEqualTo(204);
		send("GET", "/api/v1/conversations", "Bearer " + key, null).assertProblem(401, "unauthorized");
	}

}
