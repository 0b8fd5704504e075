/**
 * The staff's side: availability, teams, canned responses.
 */
@NullMarked
package dev.parley.support.staff;

import org.jspecify.annotations.NullMarked;
