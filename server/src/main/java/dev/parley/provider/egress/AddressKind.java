package dev.parley.provider.egress;

/** What an upstream address is, as far as the egress policy is concerned. */
enum AddressKind {

	/** Anywhere else: always allowed. */
	PUBLIC("a public address", false),
	/** {@code 127.0.0.0/8}, {@code ::1}: allowed unless turned off. */
	LOOPBACK("a loopback address", false),
	/**
	 * RFC 1918, carrier-grade NAT and unique local addresses: allowed unless turned off.
	 */
	PRIVATE("a private address", false),
	/** A cloud provider's instance metadata or host service. */
	METADATA("a cloud metadata address", true),
	/** {@code 169.254.0.0/16}, {@code fe80::/10}. */
	LINK_LOCAL("a link-local address", true),
	/** {@code 0.0.0.0/8}, {@code ::}, which reach this machine on some systems. */
	UNSPECIFIED("the unspecified address", true),
	/**
	 * {@code 224.0.0.0/4}, {@code ff00::/8}, and the reserved {@code 240.0.0.0/4} with
	 * the broadcast {@code 255.255.255.255}.
	 */
	MULTICAST("a multicast, broadcast or reserved address", true),
	/** An IPv6 translation prefix whose IPv4 address cannot be told. */
	TRANSLATED("a local-use NAT64 address", true);

	private final String description;

	private final boolean alwaysBlocked;

	AddressKind(String description, boolean alwaysBlocked) {
		this.description = description;
		this.alwaysBlocked = alwaysBlocked;
	}

	/** The kind in a sentence: "a loopback address". */
	String description() {
		return this.description;
	}

	/** Whether no setting allows it. */
	boolean alwaysBlocked() {
		return this.alwaysBlocked;
	}

}
