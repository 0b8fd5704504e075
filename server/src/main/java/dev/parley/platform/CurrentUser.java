package dev.parley.platform;

/**
 * Who is making the current request. Until accounts exist every request acts as the
 * single local owner; the identity feature replaces this bean.
 */
public interface CurrentUser {

	/** The id stored as {@code owner_id} on everything this caller creates. */
	String id();

}
