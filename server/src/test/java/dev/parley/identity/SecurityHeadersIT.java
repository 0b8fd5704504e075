package dev.parley.identity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers; HSTS only where the client came over TLS
 * (here: through a proxy that says so, with forwarded headers trusted).
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class SecurityHeadersIT extends IdentityTestSupport {

	@Test
	void apiAnswersCarryTheSecurityHeaders() {
		Response answer = as(newUser(), "GET", "/api/v1/conversations", null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(answer.header("Strict-Transport-Security")).isNull();
		Response problem = call("GET", "/api/v1/conversations", null, null);
		assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void hstsIsSentWhenTheClientCameOverTls() throws Exception {
		HttpResponse<String> answer = this.http.send(
				HttpRequest.newBuilder(URI.create(base() + "/health")).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
	}

}
