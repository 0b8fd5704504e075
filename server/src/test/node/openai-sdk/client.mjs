// Calls Parley's OpenAI-compatible gateway with the official openai npm package, as any
// application would, and prints one JSON line with what it saw (read by OpenAiSdkIT).
// Environment: OPENAI_BASE_URL (http://HOST:PORT/v1), OPENAI_API_KEY (a pk_ key with the
// gateway scope), PARLEY_MODEL (the model to ask for), PARLEY_MARKER (the user message of
// the request with tools and response_format, so the test can find it upstream),
// PARLEY_TOOL_MODEL (a model that answers with calls of get_weather and get_time),
// PARLEY_TOOL_RESULT_MARKER (the user message of the request that sends the tool results
// back), PARLEY_MODEL_ID (a model id with a slash that /v1/models lists).
import OpenAI from 'openai';
import { toolCalls } from './tool-calls.mjs';

const client = new OpenAI({ maxRetries: 0, timeout: 30_000 });
const model = process.env.PARLEY_MODEL;
const marker = process.env.PARLEY_MARKER;
const result = {};

/** What the test reads of an error that should be the SDK's NotFoundError. */
function notFound(err) {
  return { not_found_error: err instanceof OpenAI.NotFoundError, status: err.status ?? null, code: err.code ?? null };
}

const models = [];
for await (const entry of client.models.list()) {
  models.push(entry.id);
}
result.models = models;

const completion = await client.chat.completions.create({
  model,
  messages: [{ role: 'user', content: 'Say something' }],
});
result.completion = {
  id: completion.id,
  content: completion.choices[0].message.content,
  finish_reason: completion.choices[0].finish_reason,
  total_tokens: completion.usage.total_tokens,
};

const stream = await client.chat.completions.create({
  model,
  messages: [{ role: 'user', content: 'Stream something' }],
  stream: true,
  stream_options: { include_usage: true },
});
let text = '';
let finishReason = null;
let usage = null;
for await (const chunk of stream) {
  for (const choice of chunk.choices) {
    text += choice.delta?.content ?? '';
    finishReason = choice.finish_reason ?? finishReason;
  }
  usage = chunk.usage ?? usage;
}
result.stream = { text, finish_reason: finishReason, completion_tokens: usage?.completion_tokens ?? null };

const withTools = await client.chat.completions.create({
  model,
  messages: [{ role: 'user', content: marker }],
  tools: [{
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'The weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  }],
  tool_choice: 'auto',
  response_format: { type: 'json_object' },
});
result.tools = { content: withTools.choices[0].message.content };

Object.assign(result, await toolCalls(client, process.env.PARLEY_TOOL_MODEL, model,
  process.env.PARLEY_TOOL_RESULT_MARKER));

try {
  const listed = await client.models.retrieve(process.env.PARLEY_MODEL_ID);
  result.retrieved = { id: listed.id, object: listed.object };
} catch (err) {
  result.retrieved = { status: err.status ?? null, message: err.message };
}
try {
  await client.models.retrieve('no-such-model');
  result.retrieve_unknown = { error: null };
} catch (err) {
  result.retrieve_unknown = notFound(err);
}

try {
  await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] });
  result.unknown = { error: null };
} catch (err) {
  result.unknown = { ...notFound(err), type: err.type ?? null, message: err.message };
}

console.log(JSON.stringify(result));
