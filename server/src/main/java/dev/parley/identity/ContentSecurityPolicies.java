package dev.parley.identity;

import java.util.List;

/**
 * The Content-Security-Policy of Parley's pages: strict for the web app (its own scripts
 * only, no inline or evaluated code; inline styles, which the component library's
 * CSS-in-JS needs; calls and sockets to this origin only, {@code 'self'} covering its own
 * ws: and wss:), and the same for the support widget's page except for who may frame it.
 */
public final class ContentSecurityPolicies {

	private static final String COMMON = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

	/** The web app: nobody frames it. */
	public static final String APP = COMMON + "frame-ancestors 'none'";

	/** The widget's page when its inbox names no sites: any site may frame it. */
	public static final String WIDGET = COMMON + "frame-ancestors *";

	private ContentSecurityPolicies() {
	}

	/**
	 * The widget's page of an inbox that names the sites ({@code https://shop.example})
	 * that may embed it: only they (and Parley itself) may frame it.
	 */
	public static String widgetFramedBy(List<String> origins) {
		return COMMON + "frame-ancestors 'self' " + String.join(" ", origins);
	}

}
