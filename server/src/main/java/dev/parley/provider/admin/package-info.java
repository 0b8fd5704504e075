/**
 * The providers admin API: its controller, service, validation rules and views.
 */
package dev.parley.provider.admin;
