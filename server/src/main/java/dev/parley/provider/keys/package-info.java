/**
 * The master key that encrypts stored providers' API keys, the cipher and the re-sealing
 * after a rotation.
 */
package dev.parley.provider.keys;
