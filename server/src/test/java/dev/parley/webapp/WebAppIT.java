package dev.parley.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.NodeClient;
import dev.parley.testsupport.NodeClient.Run;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's end-to-end tests ({@code web/e2e}, Playwright in Debian's Chromium)
 * against this Parley and the simulated provider. A context of its own (the default model
 * streams slowly enough to reload and go offline mid-reply; the tests create public
 * agents and providers that other classes must not see). {@code -Dparley.screenshots=1}
 * also writes {@code docs/screenshots/}.
 */
// Every test registers and logs in from 127.0.0.1: more than the 30 anonymous requests a
// minute one address may make. The administrator's tests all act as the one configured
// administrator, whose console screens, walked through at a machine's pace, make more
// than
// the 120 requests a minute one user may.
@TestPropertySource(properties = { "PARLEY_DEFAULT_MODEL=" + WebAppIT.DEFAULT_MODEL,
		"parley.limits.anonymous-requests-per-minute=600", "parley.limits.user-requests-per-minute=600",
		"parley.support.visitor-registrations-per-minute=600" })
@DirtiesContext
class WebAppIT extends WholeAppTestBase {

	/** 60 words, one every 80 ms: a reply of about five seconds. */
	static final String DEFAULT_MODEL = "sim?tokens=60&delay=80";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final long E2E_SECONDS = 1200;

	@Test
	void theWebAppPassesItsEndToEndTestsInChromium() {
		requireChromium();
		NodeClient web = NodeClient.webApp();
		Map<String, String> environment = Map.of("PARLEY_URL", "http://127.0.0.1:" + this.port, "PARLEY_ADMIN_EMAIL",
				TestApp.ADMIN_EMAIL, "PARLEY_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD, "SIMULATOR_URL",
				TestSimulator.get().baseUrl(), "SIMULATOR_KEY", TestApp.PROVIDER_KEY, "PARLEY_DEFAULT_MODEL",
				DEFAULT_MODEL, "PARLEY_SCREENSHOTS", System.getProperty("parley.screenshots", "0"), "CI", "true",
				"NO_COLOR", "1");
		Run run = web.command(List.of("npx", "playwright", "test"), environment, E2E_SECONDS);
		System.out.println(run.output());
		assertThat(run.exit()).as("Playwright's end-to-end tests failed:\n" + run.output()).isZero();
	}

	private static void requireChromium() {
		if (Files.isExecutable(CHROMIUM)) {
			return;
		}
		assertThat(System.getenv("CI")).as("CI=true: Debian's chromium is required for the web app's tests")
			.isNotEqualToIgnoringCase("true");
		System.err.println("SKIPPED: /usr/bin/chromium is not installed, the web app's end-to-end tests do not run");
		Assumptions.abort("chromium is not installed");
	}

}
