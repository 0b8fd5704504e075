package dev.parley.provider.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads an address out of a URL's host in any form a resolver accepts, and tells what
 * kind of address it is, looking through the IPv6 forms that carry an IPv4 address.
 */
final class IpAddresses {

	/**
	 * IPv4 addresses of cloud metadata and host services, refused whatever the setting.
	 */
	private static final Set<String> METADATA_V4 = Set.of(
			// AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle, Hetzner... instance
			// metadata
			"169.254.169.254",
			// AWS ECS task metadata and credentials
			"169.254.170.2",
			// Alibaba Cloud instance metadata (inside carrier-grade NAT space)
			"100.100.100.200",
			// Azure WireServer (host agent; a public address)
			"168.63.129.16");

	/**
	 * IPv6 addresses of cloud metadata services (AWS IMDS is inside unique local space).
	 */
	private static final Set<String> METADATA_V6 = Set.of("fd00:ec2:0:0:0:0:0:254");

	/** Host names of cloud metadata services. */
	private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "metadata.azure.internal");

	private IpAddresses() {
	}

	/**
	 * A URL host: a name, an IPv4 literal in any form, or an IPv6 literal in brackets.
	 */
	record Classified(InetAddress address, AddressKind kind, @Nullable InetAddress embedded) {

		/** "169.254.169.254" or "::ffff:a9fe:a9fe (IPv4 169.254.169.254)". */
		String describe() {
			String text = text(this.address);
			return (this.embedded != null) ? text + " (IPv4 " + text(this.embedded) + ")" : text;
		}

	}

	/**
	 * The address a URL host spells, or null when it is a name. Accepts what resolvers
	 * accept: dotted, decimal ({@code 2852039166}), octal ({@code 0251.0376.0251.0376}),
	 * hex ({@code 0xa9fea9fe}) and short ({@code 169.254.43518}) IPv4, a trailing dot,
	 * and IPv6 with or without brackets and zone ({@code [fe80::1%25eth0]}).
	 */
	static @Nullable InetAddress literal(String host) {
		String text = host.strip();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		if (text.indexOf(':') >= 0) {
			int zone = text.indexOf('%');
			if (zone >= 0) {
				text = text.substring(0, zone);
			}
			try {
				return InetAddress.ofLiteral(text);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		if (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
			return null;
		}
		try {
			return Inet4Address.ofPosixLiteral(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Whether a host name is that of a cloud metadata service. */
	static boolean metadataName(String host) {
		String name = host.strip().toLowerCase(Locale.ROOT);
		while (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		return METADATA_NAMES.contains(name);
	}

	/**
	 * What kind of address this is, an IPv4 address inside an IPv6 one counting as it.
	 */
	static Classified classify(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			byte[] bytes = v6.getAddress();
			InetAddress embedded = embeddedV4(bytes);
			if (embedded != null) {
				return new Classified(address, kindV4(embedded.getAddress(), text(embedded)), embedded);
			}
			return new Classified(address, kindV6(bytes, text(address)), null);
		}
		return new Classified(address, kindV4(address.getAddress(), text(address)), null);
	}

	private static AddressKind kindV4(byte[] b, String text) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (METADATA_V4.contains(text)) {
			return AddressKind.METADATA;
		}
		if (first == 0) {
			return AddressKind.UNSPECIFIED;
		}
		if (first == 127) {
			return AddressKind.LOOPBACK;
		}
		if (first == 169 && second == 254) {
			return AddressKind.LINK_LOCAL;
		}
		if (first >= 224) {
			return AddressKind.MULTICAST;
		}
		if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168
				|| first == 100 && (second & 0xc0) == 64) {
			return AddressKind.PRIVATE;
		}
		return AddressKind.PUBLIC;
	}

	private static AddressKind kindV6(byte[] b, String text) {
		if (METADATA_V6.contains(text)) {
			return AddressKind.METADATA;
		}
		if (zeros(b, 0, 16)) {
			return AddressKind.UNSPECIFIED;
		}
		if (zeros(b, 0, 15) && b[15] == 1) {
			return AddressKind.LOOPBACK;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return AddressKind.LINK_LOCAL;
		}
		if (first == 0xff) {
			return AddressKind.MULTICAST;
		}
		if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			// 64:ff9b:1::/48, local-use NAT64 (RFC 8215): the IPv4 address may sit
			// anywhere
			return AddressKind.TRANSLATED;
		}
		// unique local fc00::/7 and the deprecated site-local fec0::/10
		if ((first & 0xfe) == 0xfc || first == 0xfe && (second & 0xc0) == 0xc0) {
			return AddressKind.PRIVATE;
		}
		return AddressKind.PUBLIC;
	}

	/**
	 * The IPv4 address an IPv6 address carries, or null: IPv4-mapped
	 * ({@code ::ffff:0:0/96}), IPv4-compatible ({@code ::/96} but {@code ::} and
	 * {@code ::1}), NAT64 ({@code 64:ff9b::/96}), 6to4 ({@code 2002::/16}) and Teredo
	 * ({@code 2001::/32}, the client's address).
	 */
	private static @Nullable InetAddress embeddedV4(byte[] b) {
		if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return v4(b[12], b[13], b[14], b[15]);
		}
		if (zeros(b, 0, 12) && !(zeros(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
			return v4(b[12], b[13], b[14], b[15]);
		}
		if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
			return v4(b[12], b[13], b[14], b[15]);
		}
		if (b[0] == 0x20 && b[1] == 0x02) {
			return v4(b[2], b[3], b[4], b[5]);
		}
		if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
			return v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
		}
		return null;
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress v4(byte a, byte b, byte c, byte d) {
		try {
			return InetAddress.getByAddress(new byte[] { a, b, c, d });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The address in its usual text form, without a zone. */
	static String text(InetAddress address) {
		String text = address.getHostAddress();
		int zone = text.indexOf('%');
		return (zone >= 0) ? text.substring(0, zone) : text;
	}

}
