package dev.parley.compat.access;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.parley.compat.CompatProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which callers the anonymous networks admit: by the address the server sees, IPv4 mapped
 * into IPv6 as IPv4, never by a host name; a setting that is not a CIDR block stops the
 * start with its name.
 */
class CompatCallerBindingTests {

	@Test
	void callersAreAdmittedByTheirAddressInTheConfiguredBlocks() {
		CompatCallerBinding binding = binding("127.0.0.0/8", "192.168.1.20", "fd00::/8");
		assertThat(admits(binding, "127.0.0.1")).isTrue();
		assertThat(admits(binding, "127.255.3.4")).isTrue();
		assertThat(admits(binding, "::ffff:127.0.0.1")).as("IPv4 mapped into IPv6").isTrue();
		assertThat(admits(binding, "192.168.1.20")).isTrue();
		assertThat(admits(binding, "192.168.1.21")).as("a bare address is one host").isFalse();
		assertThat(admits(binding, "fd12:3456::1")).isTrue();
		assertThat(admits(binding, "0:0:0:0:0:0:0:1")).as("::1 is not in 127.0.0.0/8").isFalse();
		assertThat(admits(binding, "10.0.0.1")).isFalse();
		assertThat(admits(binding, "localhost")).as("never a name lookup").isFalse();
	}

	@Test
	void aSettingThatIsNotACidrBlockNamesItself() {
		for (String bad : List.of("10.0.0.0/33", "10.0.0.0/x", "intranet.example.com", "fd00::/129")) {
			assertThatThrownBy(() -> binding(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("parley.compat.anonymous.networks: '" + bad + "' is not a CIDR block");
		}
	}

	private static boolean admits(CompatCallerBinding binding, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat");
		request.setRemoteAddr(address);
		return binding.admitsAnonymous(request);
	}

	private static CompatCallerBinding binding(String... networks) {
		return new CompatCallerBinding(
				new CompatProperties(true, new CompatProperties.Anonymous(List.of(networks), "old-client@example.com"),
						new CompatProperties.Cors(List.of()), Duration.ofSeconds(30), Duration.ofMinutes(10), 100));
	}

}
