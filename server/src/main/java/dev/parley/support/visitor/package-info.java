/**
 * The widget's visitors: signed visitor tokens, identity verification by HMAC, the widget
 * API and its event streams.
 */
@NullMarked
package dev.parley.support.visitor;

import org.jspecify.annotations.NullMarked;
