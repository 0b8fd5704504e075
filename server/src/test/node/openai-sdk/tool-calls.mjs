// Tool calling through Parley's gateway with the official openai npm package, as an
// application does it: a streamed answer calling two tools (accumulated by the SDK's stream
// helper), the same without streaming, then the tool results sent back. Used by client.mjs
// and tools.mjs.

export const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

export const timeTool = {
  type: 'function',
  function: {
    name: 'get_time',
    parameters: { type: 'object', properties: { city: { type: 'string' }, zone: { type: 'string' } } },
  },
};

const describe = (call) => ({ id: call.id, type: call.type, name: call.function.name, arguments: call.function.arguments });

// toolModel answers with calls of get_weather and get_time; textModel answers with text; the
// request with the results has resultMarker as its user message.
export async function toolCalls(client, toolModel, textModel, resultMarker) {
  const result = {};
  const toolStream = client.chat.completions.stream({
    model: toolModel,
    messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
    tools: [weatherTool, timeTool],
  });
  let argumentOnlyDeltas = 0;
  for await (const chunk of toolStream) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.tool_calls && delta.role === undefined && delta.tool_calls[0].id === undefined) {
      argumentOnlyDeltas++;
    }
  }
  const accumulated = await toolStream.finalChatCompletion();
  const calls = accumulated.choices[0].message.tool_calls ?? [];
  result.streamed_tool_calls = {
    finish_reason: accumulated.choices[0].finish_reason,
    argument_only_deltas: argumentOnlyDeltas,
    calls: calls.map(describe),
  };

  const completion = await client.chat.completions.create({
    model: toolModel,
    messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
    tools: [weatherTool, timeTool],
  });
  result.tool_calls = {
    finish_reason: completion.choices[0].finish_reason,
    content: completion.choices[0].message.content,
    calls: (completion.choices[0].message.tool_calls ?? []).map(describe),
  };

  const assistantTurn = { role: 'assistant', content: null, tool_calls: calls };
  const toolTurns = calls.map((call, i) => ({ role: 'tool', tool_call_id: call.id, content: `result ${i}` }));
  const followUp = await client.chat.completions.create({
    model: textModel,
    messages: [{ role: 'user', content: resultMarker }, assistantTurn, ...toolTurns],
    tools: [weatherTool, timeTool],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    parallel_tool_calls: false,
  });
  result.tool_results = {
    content: followUp.choices[0].message.content,
    sent: [assistantTurn, ...toolTurns],
  };
  return result;
}
