package dev.parley.compat.access;

import java.net.InetAddress;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is one host) and
 * whether an address is in it. IPv4 addresses mapped into IPv6 ({@code ::ffff:10.0.0.1})
 * count as IPv4.
 */
record Network(byte[] prefix, int bits) {

	/**
	 * Parses {@code cidr}.
	 * @throws IllegalArgumentException naming the setting when it is not a CIDR block of
	 * literal addresses
	 */
	static Network parse(String cidr) {
		int slash = cidr.indexOf('/');
		String address = (slash < 0) ? cidr : cidr.substring(0, slash);
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw invalid(cidr, "not an IP address");
		}
		int bits = bytes.length * 8;
		if (slash >= 0) {
			try {
				bits = Integer.parseInt(cidr.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw invalid(cidr, "the prefix length is not a number");
			}
			if (bits < 0 || bits > bytes.length * 8) {
				throw invalid(cidr, "the prefix length must be 0 to " + (bytes.length * 8));
			}
		}
		return new Network(mask(bytes, bits), bits);
	}

	/** Whether {@code address} (a literal IP address) is in this block. */
	boolean contains(@Nullable String address) {
		byte[] bytes = (address != null) ? literal(address) : null;
		if (bytes == null || bytes.length != this.prefix.length) {
			return false;
		}
		return Arrays.equals(mask(bytes, this.bits), this.prefix);
	}

	/**
	 * The bytes of a literal address, IPv4-mapped IPv6 as IPv4; null for anything else
	 * (never a name lookup).
	 */
	private static byte @Nullable [] literal(String text) {
		String address = text.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		try {
			byte[] bytes = InetAddress.ofLiteral(address).getAddress();
			return (bytes.length == 16 && isMappedIpv4(bytes)) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isMappedIpv4(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	private static byte[] mask(byte[] bytes, int bits) {
		byte[] masked = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			masked[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
		}
		return masked;
	}

	private static IllegalArgumentException invalid(String cidr, String why) {
		return new IllegalArgumentException(
				"parley.compat.anonymous.networks: '" + cidr + "' is not a CIDR block (" + why + ")");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Network network && network.bits == this.bits
				&& Arrays.equals(network.prefix, this.prefix);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.prefix) + this.bits;
	}

	@Override
	public String toString() {
		return Arrays.toString(this.prefix) + "/" + this.bits;
	}

}
