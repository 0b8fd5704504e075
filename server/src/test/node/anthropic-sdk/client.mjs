// Calls Parley's Anthropic-compatible endpoint with the official @anthropic-ai/sdk npm
// package, as any application would, and prints one JSON line with what it saw (read by
// AnthropicSdkIT). Environment: PARLEY_BASE_URL (http://HOST:PORT, the SDK adds
// /v1/messages), PARLEY_API_KEY (a pk_ key with the gateway scope), PARLEY_MODEL (the
// model to ask for), PARLEY_CUT_MODEL (a model whose stream breaks off after two tokens),
// PARLEY_TOOL_MODEL (a model that answers with calls of get_weather and get_time),
// PARLEY_TOOL_RESULT_MARKER (the text sent with the tool results, so the test can find
// that request upstream).
// Credentials and base URL are passed explicitly, so ANTHROPIC_* variables of the
// machine are never read.
import Anthropic from '@anthropic-ai/sdk';

const baseURL = process.env.PARLEY_BASE_URL;
const key = process.env.PARLEY_API_KEY;
const model = process.env.PARLEY_MODEL;
const options = { baseURL, maxRetries: 0, timeout: 30_000 };
const client = new Anthropic({ ...options, apiKey: key });
const result = {};

const message = await client.messages.create({
  model,
  max_tokens: 50,
  system: 'Be brief.',
  messages: [{ role: 'user', content: 'Say something' }],
});
result.create = {
  id: message.id,
  type: message.type,
  role: message.role,
  model: message.model,
  text: message.content.map((block) => block.text).join(''),
  blocks: message.content.length,
  stop_reason: message.stop_reason,
  input_tokens: message.usage.input_tokens,
  output_tokens: message.usage.output_tokens,
};

const stream = client.messages.stream({
  model,
  max_tokens: 50,
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Stream something' }] }],
});
const deltas = [];
stream.on('text', (delta) => deltas.push(delta));
const final = await stream.finalMessage();
result.stream = {
  id: final.id,
  deltas,
  final_text: final.content.map((block) => block.text).join(''),
  stop_reason: final.stop_reason,
  input_tokens: final.usage.input_tokens,
  output_tokens: final.usage.output_tokens,
};

const raw = await client.messages.create({
  model,
  max_tokens: 50,
  messages: [{ role: 'user', content: 'Raw events' }],
  stream: true,
});
const events = [];
for await (const event of raw) {
  events.push(event.type);
}
result.raw = { events };

const short = await client.messages.create({
  model: 'sim?tokens=20',
  max_tokens: 2,
  messages: [{ role: 'user', content: 'Be cut short' }],
});
result.short = { stop_reason: short.stop_reason, output_tokens: short.usage.output_tokens };

const tools = [
  {
    name: 'get_weather',
    description: 'The weather in a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  { name: 'get_time', input_schema: { type: 'object', properties: { city: { type: 'string' }, zone: { type: 'string' } } } },
];
const question = { role: 'user', content: 'Weather and time in Paris?' };
const toolStream = client.messages.stream({
  model: process.env.PARLEY_TOOL_MODEL,
  max_tokens: 100,
  tools,
  messages: [question],
});
const inputJson = [];
toolStream.on('inputJson', (fragment) => inputJson.push(fragment));
const toolMessage = await toolStream.finalMessage();
const toolUses = toolMessage.content.filter((block) => block.type === 'tool_use');
result.tools = {
  stop_reason: toolMessage.stop_reason,
  blocks: toolMessage.content.map((block) => ({ type: block.type, name: block.name, input: block.input })),
  input_json_fragments: inputJson.length,
};
const answered = await client.messages.create({
  model,
  max_tokens: 50,
  tools,
  messages: [
    question,
    { role: 'assistant', content: toolMessage.content },
    {
      role: 'user',
      content: [
        ...toolUses.map((use) => ({ type: 'tool_result', tool_use_id: use.id, content: `result of ${use.name}` })),
        { type: 'text', text: process.env.PARLEY_TOOL_RESULT_MARKER },
      ],
    },
  ],
});
result.tool_results = { text: answered.content.map((block) => block.text).join(''), ids: toolUses.map((use) => use.id) };

async function failure(call) {
  try {
    await call();
    return { error: null };
  } catch (err) {
    return {
      class: err.constructor.name,
      api_error: err instanceof Anthropic.APIError,
      status: err.status ?? null,
      type: err.type ?? null,
      api_message: err.apiMessage ?? null,
      error_code: err.errorCode ?? null,
    };
  }
}

result.unknown = await failure(() =>
  client.messages.create({ model: 'no-such-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
);
result.unauthorized = await failure(() =>
  new Anthropic({ ...options, apiKey: 'pk_wrong' }).messages.create({
    model,
    max_tokens: 10,
    messages: [{ role: 'user', content: 'hi' }],
  }),
);
result.cut = await failure(() =>
  client.messages
    .stream({
      model: process.env.PARLEY_CUT_MODEL,
      max_tokens: 50,
      messages: [{ role: 'user', content: 'Break off' }],
    })
    .finalMessage(),
);

console.log(JSON.stringify(result));
