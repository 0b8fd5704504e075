package dev.parley.conversation.tag;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the tags API accepts (snake_case, unknown fields rejected). */
public final class TagRequests {

	private TagRequests() {
	}

	/** {@code POST /api/v1/tags}. */
	public record Create(@Nullable String name, @Nullable String color) {
	}

	/**
	 * {@code PATCH /api/v1/tags/{id}}: absent fields stay as they are; an empty
	 * {@code color} removes it.
	 */
	public record Update(@Nullable String name, @Nullable String color) {
	}

	/**
	 * {@code PUT /api/v1/conversations/{id}/tags}: the conversation's tags by name (names
	 * no tag has yet are created); an empty list removes them all.
	 */
	public record Assign(@NotNull @Size(max = 1000) List<@NotNull String> tags) {
	}

}
