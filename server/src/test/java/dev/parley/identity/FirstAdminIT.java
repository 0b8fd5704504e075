package dev.parley.identity;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fresh database without configured administrator gets one with a one-time password,
 * logged once, that must be changed before anything else; a restart creates no other.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIT {

	private static final Pattern ONE_TIME = Pattern.compile("One-time password: (\\S+)");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aGeneratedOneTimePasswordIsLoggedOnceAndMustBeChanged(CapturedOutput output) throws Exception {
		Path dataDir = Files.createTempDirectory("parley-first-admin");
		String password;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Matcher matcher = ONE_TIME.matcher(output.getOut());
			assertThat(matcher.find()).as("the one-time password is logged").isTrue();
			password = matcher.group(1);
			String base = base(first);
			TestAccounts.Session admin = TestAccounts.login(this.http, base, "admin@parley.local", password);
			IdentityTestSupport.Response blocked = new IdentityTestSupport.Response(
					send(base, "GET", "/api/v1/admin/users", admin, null));
			blocked.assertProblem(403, "password-change-required");
			assertThat(send(base, "POST", "/api/v1/users/me/password", admin,
					"{\"current_password\":\"" + password + "\",\"new_password\":\"My-own-root-pw-1\"}")
				.statusCode()).isEqualTo(204);
			assertThat(send(base, "GET", "/api/v1/admin/users", admin, null).statusCode()).isEqualTo(200);
		}
		int logged = output.getOut().split("One-time password", -1).length - 1;
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(output.getOut().split("One-time password", -1).length - 1).isEqualTo(logged);
			String base = base(second);
			assertThatThrownBy(() -> TestAccounts.login(this.http, base, "admin@parley.local", password))
				.hasMessageContaining("401");
			assertThat(TestAccounts.login(this.http, base, "admin@parley.local", "My-own-root-pw-1").accessToken())
				.isNotBlank();
		}
	}

	@Test
	void aWeakConfiguredAdminPasswordStopsTheStart() throws Exception {
		Path dataDir = Files.createTempDirectory("parley-first-admin-weak");
		assertThatThrownBy(() -> new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--parley.data-dir=" + dataDir, "--parley.identity.admin-email=boss@example.com",
				"--parley.identity.admin-password=admin"))
			.hasStackTraceContaining("Cannot create the first administrator boss@example.com");
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--parley.data-dir=" + dataDir, "--parley.identity.admin-email=", "--parley.identity.admin-password=");
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private java.net.http.HttpResponse<String> send(String base, String method, String path,
			TestAccounts.Session session, String json) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
			.header("Authorization", session.bearer())
			.method(method, (json != null) ? java.net.http.HttpRequest.BodyPublishers.ofString(json)
					: java.net.http.HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

}
