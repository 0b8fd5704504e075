package dev.parley.identity;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers; HSTS only where the client came over TLS
 * (here: through a proxy that says so, with forwarded headers trusted).
 */
class SecurityHeadersIT extends WholeAppTestBase {

	@Test
	void apiAnswersCarryTheSecurityHeaders() {
		Response answer = call(newUser(), "GET", "/api/v1/conversations", null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(answer.header("Strict-Transport-Security")).isNull();
		Response problem = send("GET", "/api/v1/conversations", null, null);
		assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void hstsIsSentWhenTheClientCameOverTls() throws Exception {
		Response answer = request("GET", "/health").header("X-Forwarded-Proto", "https").send();
		assertThat(answer.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
	}

}
