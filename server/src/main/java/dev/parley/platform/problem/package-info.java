/**
 * Errors as problem+json (RFC 9457): the problem type contract, the one advice and the
 * rendering.
 */
@NullMarked
package dev.parley.platform.problem;

import org.jspecify.annotations.NullMarked;
