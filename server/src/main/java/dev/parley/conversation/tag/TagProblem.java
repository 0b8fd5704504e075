package dev.parley.conversation.tag;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/** The problems of tags. */
public final class TagProblem {

	public static final ProblemType TAG_NOT_FOUND = new ProblemType("tag-not-found", HttpStatus.NOT_FOUND,
			"Tag not found");

	// another tag of the same owner has this name, ignoring case
	public static final ProblemType TAG_NAME_TAKEN = new ProblemType("tag-name-taken", HttpStatus.CONFLICT,
			"Tag name taken");

	// more tags than an owner may have, or than one conversation may carry
	public static final ProblemType TOO_MANY_TAGS = new ProblemType("too-many-tags", HttpStatus.UNPROCESSABLE_CONTENT,
			"Too many tags");

	private TagProblem() {
	}

}
