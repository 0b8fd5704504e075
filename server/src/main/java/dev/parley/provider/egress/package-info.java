/**
 * Where providers may point: the classification of upstream addresses (link-local and
 * cloud metadata never, loopback and private networks as configured), checked when a base
 * URL is saved and again, on the resolved addresses, before every upstream call.
 */
@NullMarked
package dev.parley.provider.egress;

import org.jspecify.annotations.NullMarked;
