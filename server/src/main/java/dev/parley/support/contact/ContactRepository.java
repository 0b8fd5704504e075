package dev.parley.support.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.StorageJson;
import dev.parley.platform.persistence.Jdbc;

/** The {@code support_contacts} table. */
@Repository
class ContactRepository {

	private static final String COLUMNS = "id, name, email, phone, identifier, attributes, merged_into, created_at, "
			+ "updated_at";

	private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ContactRepository(JdbcClient jdbc, @StorageJson JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Contact contact) {
		this.jdbc
			.sql("INSERT INTO support_contacts (" + COLUMNS + ") VALUES (:id, :name, :email, :phone, :identifier, "
					+ ":attributes, :mergedInto, :createdAt, :updatedAt)")
			.params(params(contact))
			.update();
	}

	boolean update(Contact contact) {
		return this.jdbc
			.sql("UPDATE support_contacts SET name = :name, email = :email, phone = :phone, "
					+ "identifier = :identifier, attributes = :attributes, merged_into = :mergedInto, "
					+ "updated_at = :updatedAt WHERE id = :id")
			.params(params(contact))
			.update() == 1;
	}

	Optional<Contact> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_contacts WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(this::map)
			.optional();
	}

	Optional<Contact> findByIdentifier(String identifier) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_contacts WHERE identifier = :identifier")
			.param("identifier", identifier)
			.query(this::map)
			.optional();
	}

	/**
	 * Contacts (not merged away) whose name, e-mail, phone or identifier contains
	 * {@code search}, most recently updated first, after the keyset
	 * {@code (updatedAt, id)}.
	 */
	List<Contact> page(@Nullable String search, @Nullable Instant beforeUpdated, @Nullable UUID beforeId, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM support_contacts WHERE merged_into IS NULL");
		Map<String, Object> params = new HashMap<>();
		if (search != null) {
			sql.append(" AND (LOWER(name) LIKE :q ESCAPE '!' OR LOWER(email) LIKE :q ESCAPE '!'"
					+ " OR LOWER(phone) LIKE :q ESCAPE '!' OR LOWER(identifier) LIKE :q ESCAPE '!')");
			params.put("q", "%" + search.toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1") + "%");
		}
		if (beforeUpdated != null && beforeId != null) {
			sql.append(" AND (updated_at < :updated OR (updated_at = :updated AND id < :id))");
			params.put("updated", Jdbc.param(beforeUpdated));
			params.put("id", Jdbc.param(beforeId));
		}
		sql.append(" ORDER BY updated_at DESC, id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** Moves the visitors and support conversations of one contact to another. */
	void reassign(UUID from, UUID to) {
		for (String table : List.of("support_visitors", "support_conversations")) {
			this.jdbc.sql("UPDATE " + table + " SET contact_id = :to WHERE contact_id = :from")
				.param("to", Jdbc.param(to))
				.param("from", Jdbc.param(from))
				.update();
		}
	}

	private Map<String, Object> params(Contact contact) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", Jdbc.param(contact.id()));
		params.put("name", contact.name());
		params.put("email", contact.email());
		params.put("phone", contact.phone());
		params.put("identifier", contact.identifier());
		params.put("attributes", this.json.writeValueAsString(contact.attributes()));
		params.put("mergedInto", (contact.mergedInto() != null) ? Jdbc.param(contact.mergedInto()) : null);
		params.put("createdAt", Jdbc.param(contact.createdAt()));
		params.put("updatedAt", Jdbc.param(contact.updatedAt()));
		return params;
	}

	private Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
				rs.getString("identifier"), this.json.readValue(rs.getString("attributes"), ATTRIBUTES),
				Jdbc.uuid(rs, "merged_into"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
	}

}
