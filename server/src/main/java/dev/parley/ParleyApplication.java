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

	public static void main(String[] args) {
		if (System.getProperty("jdk.httpclient.bufsize") == null) {
			System.setProperty("jdk.httpclient.bufsize", HTTP_CLIENT_BUFFER);
		}
		SpringApplication.run(ParleyApplication.class, args);
	}

}
