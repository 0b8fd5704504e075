package dev.parley.platform;

import org.springframework.stereotype.Component;

/** The single owner used before accounts exist. */
@Component
class LocalUser implements CurrentUser {

	static final String LOCAL_OWNER = "local";

	@Override
	public String id() {
		return LOCAL_OWNER;
	}

}
