package dev.parley.chat.generation;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProperties;
import dev.parley.platform.InstanceIdClaim;
import dev.parley.platform.ParleyProperties;

/**
 * This process's instance id, stored on the replies it runs: {@code PARLEY_INSTANCE_ID}
 * when set, otherwise the id this process claims in the data directory for as long as it
 * runs. Either way a restart keeps it, whatever the port, so the restarted process finds
 * its leftovers; a second live process on the same directory claims another id, so
 * neither takes the other's running replies for leftovers.
 */
@Component
class InstanceId implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InstanceId.class);

	private final String value;

	private final @Nullable InstanceIdClaim claim;

	InstanceId(ChatProperties properties, ParleyProperties parley) {
		String configured = properties.instanceId().strip();
		if (!configured.isEmpty()) {
			this.value = configured;
			this.claim = null;
		}
		else {
			this.claim = InstanceIdClaim.claim(parley.dataDir());
			this.value = this.claim.id();
			log.info("Instance id {} (from {})", this.value, this.claim.slot());
		}
	}

	String value() {
		return this.value;
	}

	@Override
	public void destroy() {
		if (this.claim != null) {
			this.claim.close();
		}
	}

}
