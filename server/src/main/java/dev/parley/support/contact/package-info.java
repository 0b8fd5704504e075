/**
 * Contacts: the customers behind visitors, identified by host sites, searched, edited and
 * merged.
 */
@NullMarked
package dev.parley.support.contact;

import org.jspecify.annotations.NullMarked;
