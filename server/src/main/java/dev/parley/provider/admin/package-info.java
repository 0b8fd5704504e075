/**
 * The providers admin API: its controller, service, validation rules and views.
 */
@NullMarked
package dev.parley.provider.admin;

import org.jspecify.annotations.NullMarked;
