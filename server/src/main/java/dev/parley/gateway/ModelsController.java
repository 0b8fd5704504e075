package dev.parley.gateway;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.problem.ProblemException;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{model}} in OpenAI's shapes: the
 * models the caller may use.
 */
@RestController
class ModelsController {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final GatewayModels models;

	/** OpenAI's {@code created}: Parley has no creation time per model, so its start. */
	private final long created;

	ModelsController(GatewayModels models, Clock clock) {
		this.models = models;
		this.created = clock.instant().getEpochSecond();
	}

	@GetMapping("/v1/models")
	ObjectNode list() {
		ObjectNode root = NODES.objectNode();
		root.put("object", "list");
		var data = root.putArray("data");
		this.models.list().forEach((model) -> data.add(model(model)));
		return root;
	}

	/**
	 * One model of the list, by its id. Ids may contain {@code /}
	 * ({@code provider/model}), sent as it is or encoded ({@code %2F}, as OpenAI's SDKs
	 * do). A name the list does not hold is not found, even one a completion would
	 * accept.
	 */
	@GetMapping("/v1/models/{*model}")
	ObjectNode one(@PathVariable String model) {
		String name = model.startsWith("/") ? model.substring(1) : model;
		return this.models.list()
			.stream()
			.filter((listed) -> listed.id().equals(name))
			.findFirst()
			.map(this::model)
			.orElseThrow(() -> ProblemException.of(GatewayProblem.MODEL_NOT_FOUND,
					"The model '" + name + "' does not exist or you do not have access to it"));
	}

	private ObjectNode model(GatewayModel model) {
		ObjectNode node = NODES.objectNode();
		node.put("id", model.id());
		node.put("object", "model");
		node.put("created", this.created);
		node.put("owned_by", "parley");
		return node;
	}

}
