package dev.parley.support.desk;

import java.util.UUID;

/**
 * A live signal for the staff that is not a webhook event: a customer typing, a
 * notification that a conversation was handed to someone or to a team.
 *
 * @param type {@code typing} or {@code notification}
 */
public record StaffSignal(String type, UUID conversationId, Object data) {

	public static final String TYPING = "typing";

	public static final String NOTIFICATION = "notification";

}
