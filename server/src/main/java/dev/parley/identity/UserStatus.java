package dev.parley.identity;

/** Whether an account may sign in; disabling one ends its tokens and keys at once. */
public enum UserStatus {

	ACTIVE, DISABLED

}
