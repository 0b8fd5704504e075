package dev.parley.provider.egress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where providers may point ({@code parley.provider-egress.*}). Link-local addresses
 * ({@code 169.254.0.0/16}, {@code fe80::/10}), cloud metadata addresses and names
 * ({@code 169.254.169.254}, {@code fd00:ec2::254}, {@code 100.100.100.200},
 * {@code metadata.google.internal}, ...), the unspecified address, multicast and
 * broadcast are refused always, in every textual form (decimal, octal, hex, IPv4 inside
 * IPv6). Loopback and private networks are allowed unless turned off here, since a
 * self-hosted model server (Ollama, vLLM) usually lives there. {@code application.yml}
 * maps {@code PARLEY_PROVIDER_ALLOW_LOOPBACK} and {@code PARLEY_PROVIDER_ALLOW_PRIVATE}
 * to them.
 *
 * @param allowLoopback whether a provider may be at a loopback address
 * ({@code 127.0.0.0/8}, {@code ::1}), i.e. on Parley's own machine (default true)
 * @param allowPrivate whether a provider may be at a private address ({@code 10.0.0.0/8},
 * {@code 172.16.0.0/12}, {@code 192.168.0.0/16}, carrier-grade NAT {@code 100.64.0.0/10},
 * unique local {@code fc00::/7}) (default true)
 */
@ConfigurationProperties("parley.provider-egress")
public record EgressProperties(@DefaultValue("true") boolean allowLoopback,
		@DefaultValue("true") boolean allowPrivate) {

}
