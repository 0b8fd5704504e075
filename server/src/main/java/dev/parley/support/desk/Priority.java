package dev.parley.support.desk;

/** How urgent a support conversation is; serialized in lower case. */
public enum Priority {

	LOW, MEDIUM, HIGH, URGENT

}
