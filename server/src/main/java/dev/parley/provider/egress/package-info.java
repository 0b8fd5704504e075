/**
 * Where providers may point: the classification of upstream addresses (link-local and
 * cloud metadata never, loopback and private networks as configured), checked when a base
 * URL is saved and again, on the resolved addresses, before every upstream call. Exposed
 * to other modules as the named interface {@code egress}: customer service's webhooks
 * point where providers may (docs/adr/0023).
 */
@NamedInterface("egress")
@NullMarked
package dev.parley.provider.egress;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
