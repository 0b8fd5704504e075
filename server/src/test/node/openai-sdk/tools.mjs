// Tool calling through Parley's gateway with the official openai npm package (see
// tool-calls.mjs), printing one JSON line with what it saw (read by AnthropicUpstreamToolsIT).
// Environment: OPENAI_BASE_URL, OPENAI_API_KEY, PARLEY_TOOL_MODEL (answers with calls of
// get_weather and get_time), PARLEY_TEXT_MODEL (answers with text), PARLEY_TOOL_RESULT_MARKER
// (the user message of the request that sends the tool results back).
import OpenAI from 'openai';
import { toolCalls } from './tool-calls.mjs';

const client = new OpenAI({ maxRetries: 0, timeout: 30_000 });
const result = await toolCalls(client, process.env.PARLEY_TOOL_MODEL, process.env.PARLEY_TEXT_MODEL,
  process.env.PARLEY_TOOL_RESULT_MARKER);
console.log(JSON.stringify(result));
