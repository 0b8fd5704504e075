package dev.parley.provider.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Where providers may point (ADR 0015): checks a base URL when it is saved, and every
 * upstream request just before it is sent, on the addresses its host resolves to then. A
 * plain {@code http://} request is pinned: sent to the very address that was checked,
 * with the original {@code Host} header, so a DNS answer that changes in between (DNS
 * rebinding) cannot redirect it; an {@code https://} one is not, since the certificate
 * check refuses a server that is not the named host. Thread-safe.
 */
public final class EgressPolicy {

	/** Resolves a host name to its addresses, as the JDK does. */
	@FunctionalInterface
	public interface Resolver {

		/** The addresses of {@code host}, in the order a connection tries them. */
		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** The JVM's resolver (and its cache, which the HTTP client shares). */
	public static final Resolver SYSTEM = InetAddress::getAllByName;

	/** The system property that lets the JDK HTTP client send a {@code Host} header. */
	public static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

	/** The longest a save waits for a host name's lookup before accepting the name. */
	static final Duration SAVE_LOOKUP = Duration.ofSeconds(2);

	private final boolean allowLoopback;

	private final boolean allowPrivate;

	private final Resolver resolver;

	/** The policy of these settings, resolving with the JVM's resolver. */
	public EgressPolicy(EgressProperties properties) {
		this(properties, SYSTEM);
	}

	/** The policy of these settings, resolving with {@code resolver}. */
	public EgressPolicy(EgressProperties properties, Resolver resolver) {
		this.allowLoopback = properties.allowLoopback();
		this.allowPrivate = properties.allowPrivate();
		this.resolver = resolver;
	}

	/** The default policy: loopback and private networks allowed. */
	public static EgressPolicy defaults() {
		return new EgressPolicy(new EgressProperties(true, true));
	}

	/** A host or address the policy refuses, with the reason in a sentence. */
	public static final class RefusedException extends RuntimeException {

		RefusedException(String reason) {
			super(reason);
		}

	}

	/**
	 * Checks a base URL as it is saved: an address in any textual form is classified; a
	 * host name is resolved, within {@link #SAVE_LOOKUP}, and each of its addresses
	 * classified (a name that does not resolve now passes: the provider may be down).
	 * @throws RefusedException when the URL may not be used, with a reason naming what it
	 * points at
	 */
	public void checkBaseUrl(URI url) {
		String host = host(url);
		if (host == null) {
			return;
		}
		try {
			admit(host, true);
		}
		catch (UnknownHostException ex) {
			// a best-effort lookup never fails
		}
	}

	/**
	 * The request to send for {@code request}: its host resolved and every address
	 * checked; a plain {@code http://} request pinned to the first (the one the HTTP
	 * client would connect to) with the original {@code Host} header.
	 * @throws RefusedException when the host or one of its addresses is refused
	 * @throws UnknownHostException when the host name does not resolve
	 */
	public HttpRequest route(HttpRequest request) throws UnknownHostException {
		URI uri = request.uri();
		String host = host(uri);
		if (host == null) {
			return request;
		}
		InetAddress[] addresses = admit(host, false);
		if (!"http".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
			return request;
		}
		String literal = IpAddresses.text(addresses[0]);
		String authority = (literal.indexOf(':') >= 0) ? "[" + literal + "]" : literal;
		if (authority.equals(host)) {
			// already the canonical address: nothing a lookup could change
			return request;
		}
		int port = uri.getPort();
		String hostHeader = host + ((port != -1) ? ":" + port : "");
		URI pinned = URI.create("http://" + authority + ((port != -1) ? ":" + port : "")
				+ ((uri.getRawPath() != null) ? uri.getRawPath() : "")
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
		return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("host"))
			.uri(pinned)
			.header("Host", hostHeader)
			.build();
	}

	/**
	 * Whether the JDK HTTP client accepts a {@code Host} header in this JVM, which
	 * pinning needs ({@code -Djdk.httpclient.allowRestrictedHeaders=host} before the
	 * client's first use).
	 */
	public static boolean hostHeaderAllowed() {
		try {
			HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "localhost");
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The addresses {@code host} stands for, each allowed.
	 * @param bestEffort whether a lookup that fails or takes too long passes (with no
	 * address)
	 */
	private InetAddress[] admit(String host, boolean bestEffort) throws UnknownHostException {
		if (IpAddresses.metadataName(host)) {
			throw new RefusedException("'" + host + "' is a cloud metadata host name, where providers may never point");
		}
		InetAddress literal = IpAddresses.literal(host);
		if (literal != null) {
			check(literal, "points at ");
			return new InetAddress[] { literal };
		}
		InetAddress[] addresses;
		if (bestEffort) {
			addresses = lookupWithin(host, SAVE_LOOKUP);
			if (addresses == null) {
				return new InetAddress[0];
			}
		}
		else {
			addresses = this.resolver.resolve(host);
		}
		if (addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			check(address, "'" + host + "' resolves to ");
		}
		return addresses;
	}

	private void check(InetAddress address, String where) {
		IpAddresses.Classified classified = IpAddresses.classify(address);
		AddressKind kind = classified.kind();
		String what = where + classified.describe() + ", " + kind.description();
		if (kind.alwaysBlocked()) {
			throw new RefusedException(what + ", where providers may never point");
		}
		if (kind == AddressKind.LOOPBACK && !this.allowLoopback) {
			throw new RefusedException(what + ", which parley.provider-egress.allow-loopback=false forbids");
		}
		if (kind == AddressKind.PRIVATE && !this.allowPrivate) {
			throw new RefusedException(what + ", which parley.provider-egress.allow-private=false forbids");
		}
	}

	private InetAddress @Nullable [] lookupWithin(String host, Duration limit) {
		CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
		Thread.ofVirtual().name("egress-lookup").start(() -> {
			try {
				lookup.complete(this.resolver.resolve(host));
			}
			catch (UnknownHostException | RuntimeException ex) {
				lookup.completeExceptionally(ex);
			}
		});
		try {
			return lookup.get(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The host of a URL as it is written ({@code [::1]} with its brackets), or null. */
	private static @Nullable String host(URI uri) {
		String host = uri.getHost();
		if (host != null) {
			return host;
		}
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return null;
		}
		int at = authority.lastIndexOf('@');
		String rest = authority.substring(at + 1);
		int colon = rest.lastIndexOf(':');
		return (colon > rest.lastIndexOf(']')) ? rest.substring(0, colon) : rest;
	}

}
