package dev.parley.webapp;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app is served at / and its client routes, never instead of the server's own.
 */
class WebAppRoutesIT extends WholeAppTestBase {

	@Test
	void clientRoutesAnswerTheAppsIndexRevalidatedOnEveryLoad() {
		for (String path : new String[] { "/", "/c/0190c0de-0000-7000-8000-000000000000", "/admin/users",
				"/settings/keys" }) {
			Response page = page(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-cache");
			assertThat(page.header("Content-Security-Policy")).as(path)
				.contains("script-src 'self';")
				.contains("connect-src 'self';")
				.doesNotContain("unsafe-eval")
				.doesNotContain("ws:");
		}
	}

	@Test
	void theServersOwnPathsNeverFallBackToTheApp() {
		assertThat(this.http.send("GET", "/api/v1/no-such-thing", null, null).status()).isEqualTo(401);
		// A client route asked for by an API client, not a browser, is an unknown path.
		Response json = this.http.request("GET", "/c/0190c0de-0000-7000-8000-000000000000")
			.accept("application/json")
			.send();
		json.assertProblem(404, "not-found");
		assertThat(page("/c/0190c0de-0000-7000-8000-000000000000").status()).isEqualTo(200);
		Response unknownAsset = this.http.send("GET", "/assets/no-such-file.js", null, null);
		assertThat(unknownAsset.status()).isEqualTo(404);
		assertThat(unknownAsset.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.http.send("GET", "/v3/api-docs", null, null).header("Content-Type"))
			.startsWith("application/json");
		assertThat(this.http.send("GET", "/health", null, null).header("Content-Type")).startsWith("application/json");
	}

	@Test
	void bundlesAreCachedForAYear() {
		String index = page("/").body();
		int at = index.indexOf("/assets/");
		assertThat(at).as("index.html names its bundle").isPositive();
		String bundle = index.substring(at, index.indexOf('"', at));
		Response script = page(bundle);
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
		Response compressed = this.http.request("GET", bundle).header("Accept-Encoding", "gzip").send();
		assertThat(compressed.status()).isEqualTo(200);
		assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(compressed.header("Vary")).containsIgnoringCase("Accept-Encoding");
		assertThat(Long.parseLong(compressed.header("Content-Length")))
			.isLessThan(Long.parseLong(script.header("Content-Length")) / 2);
	}

	@Test
	void theChatWidgetIsServedWithItsOwnCachingAndNeverFallsBackToTheApp() {
		// The embed script: a fixed URL in customers' pages, so revalidated on every
		// load.
		Response loader = this.http.request("GET", "/widget.js").accept("*/*").send();
		assertThat(loader.status()).isEqualTo(200);
		assertThat(loader.header("Content-Type")).startsWith("text/javascript");
		assertThat(loader.header("Cache-Control")).isEqualTo("no-cache");
		assertThat(loader.body()).contains("parley:ready").doesNotContain("<div id=\"root\">");
		// Host pages of any charset read it alike.
		assertThat(loader.body().chars().allMatch((c) -> c < 128)).as("/widget.js is ASCII").isTrue();
		Response compressed = this.http.request("GET", "/widget.js").header("Accept-Encoding", "gzip").send();
		assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(compressed.header("Cache-Control")).isEqualTo("no-cache");

		// The chat panel's page, and its hashed bundles cached for a year.
		Response frame = page("/widget/frame.html?inbox=0190c0de-0000-7000-8000-000000000000");
		assertThat(frame.status()).isEqualTo(200);
		assertThat(frame.header("Content-Type")).startsWith("text/html");
		assertThat(frame.header("Cache-Control")).isEqualTo("no-cache");
		assertThat(frame.body()).contains("id=\"log\"").doesNotContain("<div id=\"root\">");
		// Customers' sites frame it; the app itself still refuses to be framed.
		assertThat(frame.header("Content-Security-Policy")).contains("frame-ancestors *")
			.contains("script-src 'self';");
		assertThat(frame.header("X-Frame-Options")).isNull();
		assertThat(page("/").header("X-Frame-Options")).isEqualTo("DENY");
		int at = frame.body().indexOf("/widget/assets/");
		assertThat(at).as("frame.html names its bundle").isPositive();
		String bundle = frame.body().substring(at, frame.body().indexOf('"', at));
		Response script = page(bundle);
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Type")).startsWith(bundle.endsWith(".js") ? "text/javascript" : "text/css");
		assertThat(script.header("Cache-Control")).contains("max-age=31536000").contains("immutable");

		// Unknown widget paths are 404s, for browsers too, never the app's index.html.
		for (String path : new String[] { "/widget/no-such-page", "/widget/assets/no-such-file.js" }) {
			Response missing = page(path);
			assertThat(missing.body()).as(path).doesNotContain("<div id=\"root\">");
		}
		assertThat(page("/widget/no-such-page").status()).isEqualTo(404);
		assertThat(page("/widget/assets/no-such-file.js").status()).isEqualTo(404);
	}

	/** A GET as a browser sends it, asking for HTML first. */
	private Response page(String path) {
		return this.http.request("GET", path).accept("text/html,application/xhtml+xml,*/*;q=0.8").send();
	}

}
