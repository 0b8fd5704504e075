package dev.parley.identity;

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
import dev.parley.testsupport.TestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fresh database without configured administrator gets one with a one-time password,
 * logged once, that must be changed before anything else; a restart creates no other.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIT {

	private static final Pattern ONE_TIME = Pattern.compile("One-time password: (\\S+)");

	@Test
	void aGeneratedOneTimePasswordIsLoggedOnceAndMustBeChanged(CapturedOutput output) throws Exception {
		Path dataDir = Files.createTempDirectory("parley-first-admin");
		String password;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Matcher matcher = ONE_TIME.matcher(output.getOut());
			assertThat(matcher.find()).as("the one-time password is logged").isTrue();
			password = matcher.group(1);
			TestClient client = TestClient.of(first);
			TestAccounts.Session admin = TestAccounts.login(client, "admin@parley.local", password);
			client.call(admin, "GET", "/api/v1/admin/users", null).assertProblem(403, "password-change-required");
			assertThat(client
				.call(admin, "POST", "/api/v1/users/me/password",
						"{\"current_password\":\"" + password + "\",\"new_password\":\"My-own-root-pw-1\"}")
				.status()).isEqualTo(204);
			assertThat(client.call(admin, "GET", "/api/v1/admin/users", null).status()).isEqualTo(200);
		}
		int logged = output.getOut().split("One-time password", -1).length - 1;
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(output.getOut().split("One-time password", -1).length - 1).isEqualTo(logged);
			TestClient client = TestClient.of(second);
			assertThatThrownBy(() -> TestAccounts.login(client, "admin@parley.local", password))
				.hasMessageContaining("401");
			assertThat(TestAccounts.login(client, "admin@parley.local", "My-own-root-pw-1").accessToken()).isNotBlank();
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

}
