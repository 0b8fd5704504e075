package dev.parley.support.staff;

/**
 * Told when an agent's availability changes: auto-assignment gives an agent who comes
 * online the conversations waiting for one.
 */
public interface AvailabilityChanges {

	void changed(String userId, Availability availability);

}
