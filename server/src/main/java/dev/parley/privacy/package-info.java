/**
 * Optional masking of sensitive data (phone numbers, ID numbers, e-mail addresses, keys)
 * in message text before it reaches a provider or storage.
 */
@NullMarked
package dev.parley.privacy;

import org.jspecify.annotations.NullMarked;
