package dev.parley.support.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.Page;

/**
 * {@code /api/v1/admin/support/webhooks}: customer service's outgoing webhooks and their
 * delivery logs (administrators with a login session only, as every {@code /api/v1/admin}
 * route).
 */
@RestController
@RequestMapping("/api/v1/admin/support/webhooks")
@Validated
class WebhookAdminController {

	private final WebhookAdminService webhooks;

	WebhookAdminController(WebhookAdminService webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping
	Map<String, List<WebhookView>> list() {
		return Map.of("items", this.webhooks.list().stream().map(WebhookView::of).toList());
	}

	@PostMapping
	ResponseEntity<WebhookView> create(@RequestBody WebhookRequest body) {
		WebhookView created = WebhookView.of(this.webhooks.create(body));
		return ResponseEntity.created(URI.create("/api/v1/admin/support/webhooks/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	WebhookView get(@PathVariable UUID id) {
		return WebhookView.of(this.webhooks.get(id));
	}

	@PatchMapping("/{id}")
	WebhookView update(@PathVariable UUID id, @RequestBody WebhookRequest body) {
		return WebhookView.of(this.webhooks.update(id, body));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	Page<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return this.webhooks.deliveries(id, cursor, limit).map(DeliveryView::of);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	ResponseEntity<DeliveryView> retry(@PathVariable UUID id, @PathVariable UUID deliveryId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(DeliveryView.of(this.webhooks.redeliver(id, deliveryId)));
	}

}
