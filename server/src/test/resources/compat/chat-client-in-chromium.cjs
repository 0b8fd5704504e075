// Runs seed 004's ChatClient (seed-004-chat-client.js, verbatim from the seed) in Chromium against a
// running Parley: on a page of Parley's own origin (ChatClient uses relative URLs), served by
// Playwright from this directory, with the API key added to every request the page makes (an
// EventSource cannot send headers; a proxy in front of the old front end would add it). First the
// seed's own usage example runs as the script loads; then ChatClient is driven in both orders: the
// event stream reaching Parley first (the POST held back), and the POST first (the GET held back
// until its reply is over). Prints one JSON line with what each run received.
//
// Usage (from web/, whose node_modules has Playwright): node chat-client-in-chromium.cjs
// Environment: PARLEY_URL, PARLEY_KEY, SESSION_PREFIX, CHROMIUM (default /usr/bin/chromium).
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');

const webRequire = createRequire(path.join(process.cwd(), 'package.json'));
const { chromium } = webRequire('playwright-core');

const base = process.env.PARLEY_URL;
const key = process.env.PARLEY_KEY;
const prefix = process.env.SESSION_PREFIX;
const client = fs.readFileSync(path.join(__dirname, 'seed-004-chat-client.js'), 'utf8');
const page_html = '<!doctype html><html><head><meta charset="utf-8"><title>seed 004</title>'
  + '<script src="/compat-e2e/chat-client.js"></script></head><body></body></html>';

async function drive(page, sessionId) {
  return page.evaluate(async (id) => {
    const seen = { events: [], chunks: [], fullText: null, errors: [] };
    await new Promise((resolve) => {
      const chat = new ChatClient(id);
      chat.streamChat('请给我讲个故事', {
        onStart: () => seen.events.push('start'),
        onChunk: (chunk, fullText) => { seen.events.push('chunk'); seen.chunks.push(chunk); seen.accumulated = fullText; },
        onEnd: (fullText) => { seen.events.push('end'); seen.fullText = fullText; resolve(); },
        onError: (error) => { seen.events.push('error'); seen.errors.push(String(error && error.message || error)); resolve(); },
      }).catch((error) => { seen.errors.push('post: ' + error.message); resolve(); });
    });
    return seen;
  }, sessionId);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const result = {};
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-api-key': key } });
    const page = await context.newPage();
    const logs = [];
    page.on('console', (message) => logs.push(message.text()));
    await page.route(base + '/compat-e2e/page.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page_html }));
    await page.route(base + '/compat-e2e/chat-client.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: client }));
    // Which request of the stream pair is held back, and for how long.
    let hold = { method: null, ms: 0 };
    await page.route('**/api/v1/chat/*/stream', async (route) => {
      if (route.request().method() === hold.method) {
        await new Promise((resolve) => setTimeout(resolve, hold.ms));
      }
      await route.continue();
    });

    // The seed's usage example, as printed, runs when the page loads the script.
    await page.goto(base + '/compat-e2e/page.html');
    await page.waitForFunction(() => true);
    const deadline = Date.now() + 60000;
    while (!logs.some((line) => line.startsWith('回复完成:') || line.startsWith('发生错误:')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    result.example = logs;

    hold = { method: 'POST', ms: 1500 };
    result.getFirst = await drive(page, prefix + '-get-first');
    hold = { method: 'GET', ms: 3000 };
    result.postFirst = await drive(page, prefix + '-post-first');
  }
  finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
