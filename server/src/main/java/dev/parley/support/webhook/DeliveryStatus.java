package dev.parley.support.webhook;

import java.util.Locale;

/** Where a delivery stands: waiting (for its first or next attempt), sent, given up. */
enum DeliveryStatus {

	PENDING, DELIVERED, FAILED;

	/** The value of the {@code status} column and of the API. */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DeliveryStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
