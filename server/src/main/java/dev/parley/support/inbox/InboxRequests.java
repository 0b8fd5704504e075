package dev.parley.support.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.parley.platform.NotBlankWhenPresent;

/** The bodies of the administrators' inbox routes. */
final class InboxRequests {

	private InboxRequests() {
	}

	/**
	 * An inbox to create, or the fields to change (absent: unchanged; {@code agent_id}
	 * and {@code business_hours} are cleared with {@code clear_agent} and
	 * {@code clear_business_hours}).
	 */
	record Body(@Size(max = 100) @NotBlankWhenPresent String name, UUID agentId, Boolean clearAgent,
			@Size(max = 2000) String greeting, @Size(max = 2000) String handoffMessage,
			@Size(max = 20) List<@NotBlank @Size(max = 80) String> handoffKeywords,
			@Min(0) @Max(20) Integer handoffAfterFailures, Map<String, List<List<String>>> businessHours,
			Boolean clearBusinessHours, @Size(max = 64) String timeZone, Boolean identityRequired, Boolean autoAssign,
			@Min(0) @Max(1000) Integer agentCapacity,
			@Size(max = 20) List<@NotNull @Size(max = 200) @Pattern(regexp = "https?://[^/\\s]+",
					message = "must be an origin such as https://shop.example") String> allowedOrigins,
			@Size(max = 500) List<@NotBlank @Size(max = 64) String> memberIds) {
	}

}
