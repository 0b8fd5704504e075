package dev.parley;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Parley: a self-hostable AI chat service. */
@SpringBootApplication
public class ParleyApplication {

	/**
	 * The JDK HttpClient reads each connection into a buffer of this size and keeps it
	 * while the connection lives. Provider streams are many small SSE lines, and
	 * thousands are held at once, so 2 KB instead of the default 16 KB saves about 14 KB
	 * per held stream.
	 */
	private static final String HTTP_CLIENT_BUFFER = "2048";

	/**
	 * The restricted header the JDK HttpClient must accept: a plain-HTTP provider call is
	 * sent to the address the egress policy checked, with the provider's name in
	 * {@code Host} (ADR 0015). The client reads the property once, when it is first used.
	 */
	private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

	public static void main(String[] args) {
		if (System.getProperty("jdk.httpclient.bufsize") == null) {
			System.setProperty("jdk.httpclient.bufsize", HTTP_CLIENT_BUFFER);
		}
		allowHostHeader();
		SpringApplication.run(ParleyApplication.class, args);
	}

	/** Adds {@code host} to the restricted headers allowed, keeping any already set. */
	private static void allowHostHeader() {
		String allowed = System.getProperty(RESTRICTED_HEADERS, "").strip();
		for (String name : allowed.split(",")) {
			if (name.strip().equalsIgnoreCase("host")) {
				return;
			}
		}
		System.setProperty(RESTRICTED_HEADERS, allowed.isEmpty() ? "host" : allowed + ",host");
	}

}
