package dev.parley.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * One tool call a reply makes ({@code tool_call=NAME} in the model name): the tool must
 * be declared in the request, and its arguments are an object giving each property of the
 * tool's parameter schema a word in turn ({@code {"city":"alpha"}}), see
 * {@link Simulator#toolArguments}.
 *
 * @param id the call's id ({@code call_...} for OpenAI, {@code toolu_...} for Anthropic)
 * @param name the tool's name
 * @param arguments the arguments as a JSON text
 */
record ToolCall(String id, String name, String arguments) {

	/** The length of the argument fragments a stream sends, as a model's tokens would. */
	static final int FRAGMENT = 4;

	private static final AtomicLong IDS = new AtomicLong();

	/**
	 * The calls {@code names} asks for, each of a tool the request declares.
	 * @param protocol {@link RecordedRequest#OPENAI} (tools as
	 * {@code {"type":"function","function":{"name","parameters"}}}) or
	 * {@link RecordedRequest#ANTHROPIC} ({@code {"name","input_schema"}})
	 * @throws IllegalArgumentException when the request does not declare one of them
	 */
	static List<ToolCall> of(List<String> names, JsonNode request, String protocol) {
		boolean openAi = RecordedRequest.OPENAI.equals(protocol);
		List<ToolCall> calls = new ArrayList<>(names.size());
		for (String name : names) {
			JsonNode schema = null;
			for (JsonNode tool : request.path("tools")) {
				JsonNode declared = openAi ? tool.path("function") : tool;
				if (name.equals(declared.path("name").asString(null))) {
					schema = declared.path(openAi ? "parameters" : "input_schema");
				}
			}
			if (schema == null) {
				throw new IllegalArgumentException(
						"tool_call names the tool '" + name + "', which the request does not declare in 'tools'");
			}
			List<String> properties = new ArrayList<>(schema.path("properties").propertyNames());
			String id = (openAi ? "call_sim" : "toolu_sim") + IDS.incrementAndGet();
			calls.add(new ToolCall(id, name, Simulator.toolArguments(properties.toArray(String[]::new))));
		}
		return calls;
	}

	/** The arguments in the pieces a stream sends them in, {@link #FRAGMENT} long. */
	List<String> fragments() {
		List<String> fragments = new ArrayList<>();
		for (int i = 0; i < this.arguments.length(); i += FRAGMENT) {
			fragments.add(this.arguments.substring(i, Math.min(this.arguments.length(), i + FRAGMENT)));
		}
		return fragments;
	}

}
