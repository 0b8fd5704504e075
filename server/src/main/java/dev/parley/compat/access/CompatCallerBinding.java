package dev.parley.compat.access;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.CompatProperties;
import dev.parley.identity.CallerBinding;

/**
 * The old systems' routes take a Parley API key as a bearer or {@code x-api-key}; without
 * one, a caller whose address is in {@code parley.compat.anonymous.networks} acts as
 * {@code parley.compat.anonymous.user}. The address is the request's remote address as
 * the server sees it: behind a proxy it is the client's only when
 * {@code server.forward-headers-strategy} says to trust the proxy's headers. Networks are
 * CIDR blocks of literal addresses ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address
 * is one host), matched by Spring Security's {@link IpAddressMatcher} (an IPv4 address
 * mapped into IPv6 counts as IPv4; IPv4 never matches an IPv6 block).
 */
@Component
@CompatEnabled
class CompatCallerBinding implements CallerBinding {

	private final List<IpAddressMatcher> networks;

	private final @Nullable String user;

	CompatCallerBinding(CompatProperties properties) {
		this.networks = properties.anonymous().networks().stream().map(CompatCallerBinding::network).toList();
		this.user = properties.anonymous().user();
	}

	@Override
	public boolean covers(HttpServletRequest request) {
		return CompatRoutes.matches(request);
	}

	@Override
	public @Nullable String boundUser() {
		return this.user;
	}

	@Override
	public boolean admitsAnonymous(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		try {
			return address != null && this.networks.stream().anyMatch((network) -> network.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * One block of the setting.
	 * @throws IllegalArgumentException naming the setting when it is not a CIDR block of
	 * literal addresses (never a name lookup)
	 */
	private static IpAddressMatcher network(String cidr) {
		try {
			return new IpAddressMatcher(cidr.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"parley.compat.anonymous.networks: '" + cidr + "' is not a CIDR block (" + ex.getMessage() + ")",
					ex);
		}
	}

}
