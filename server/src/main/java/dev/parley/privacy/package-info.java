/**
 * Optional masking of sensitive data (phone numbers, ID numbers, e-mail addresses, keys)
 * in message text before it reaches a provider or storage.
 */
package dev.parley.privacy;
