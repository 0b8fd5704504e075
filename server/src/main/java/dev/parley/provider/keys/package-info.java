/**
 * The master key that encrypts stored providers' API keys, the cipher and the re-sealing
 * after a rotation.
 */
@NullMarked
package dev.parley.provider.keys;

import org.jspecify.annotations.NullMarked;
