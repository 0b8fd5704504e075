package dev.parley.platform.task;

import java.util.Locale;

/** Where a background task is in its life; the last three are final. */
public enum TaskStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	/** The stored and answered form, in lower case. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the task is still queued or running. */
	public boolean active() {
		return this == QUEUED || this == RUNNING;
	}

	static TaskStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
