/**
 * The provider SPI the rest of Parley calls (chat requests, stream events, routes, the
 * catalog, the router and the upstream limiter); the adapters, routing and key handling
 * live in its sub-packages.
 */
@NullMarked
package dev.parley.provider;

import org.jspecify.annotations.NullMarked;
