package dev.parley.compat.access;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.CompatProperties;
import dev.parley.identity.CallerBinding;

/**
 * The old systems' routes take a Parley API key as a bearer or {@code x-api-key}; without
 * one, a caller whose address is in {@code parley.compat.anonymous.networks} acts as
 * {@code parley.compat.anonymous.user}. The address is the request's remote address as
 * the server sees it: behind a proxy it is the client's only when
 * {@code server.forward-headers-strategy} says to trust the proxy's headers.
 */
@Component
@CompatEnabled
class CompatCallerBinding implements CallerBinding {

	private final List<Network> networks;

	private final @Nullable String user;

	CompatCallerBinding(CompatProperties properties) {
		this.networks = properties.anonymous().networks().stream().map(Network::parse).toList();
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
		return this.networks.stream().anyMatch((network) -> network.contains(address));
	}

}
