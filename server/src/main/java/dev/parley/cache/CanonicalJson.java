package dev.parley.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies of JSON trees whose objects list their properties in sorted order, at every
 * depth, so that two trees that differ only in property order print the same.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static JsonNode sorted(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return JsonNodeFactory.instance.nullNode();
		}
		if (node.isObject()) {
			List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
			properties.sort(Map.Entry.comparingByKey());
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> property : properties) {
				copy.set(property.getKey(), sorted(property.getValue()));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
			for (JsonNode element : node) {
				copy.add(sorted(element));
			}
			return copy;
		}
		return node;
	}

}
