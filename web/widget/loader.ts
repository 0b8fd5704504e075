import { loaderStrings, pickLocale } from './locale';
import { cleanIdentity, type Identity, type ToFrame, toHost } from './protocol';

/**
 * The embed script (`/widget.js`): a launcher button and the chat panel (an iframe of Parley's
 * `/widget/frame.html`) on the customer's page. Everything lives in one element with a shadow
 * root and inline styles (set through the CSSOM, which a page's CSP allows), so the page's CSS
 * cannot reach in and none leaks out; the only global is `window.Parley` ({open, close,
 * identify}). Identity goes to the frame by postMessage to Parley's origin only, and only the
 * frame's messages from that origin and window are read.
 */
interface ParleyApi {
  open(): void;
  close(): void;
  identify(identity: Identity): void;
}

type Style = Partial<Record<string, string>>;

function style(element: HTMLElement | SVGElement, rules: Style) {
  for (const [name, value] of Object.entries(rules)) element.style.setProperty(name, value ?? '');
}

/**
 * The visitor token, kept on the host page only for a frame whose own storage the browser blocks
 * (third-party storage off): without it every page load would be a new visitor.
 */
function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // storage blocked here too: the visitor lasts as long as the page
  }
}

const SVG = 'http://www.w3.org/2000/svg';

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', path);
  shape.setAttribute('fill', 'currentColor');
  svg.append(shape);
  return svg;
}

const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm3 6.5a1.5 1.5 0 1 0 0 .01Zm5 0a1.5 1.5 0 1 0 0 .01Zm5 0a1.5 1.5 0 1 0 0 .01Z';
const CLOSE_ICON = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4Z';

function install(script: HTMLScriptElement): ParleyApi | null {
  const data = script.dataset;
  const inbox = data.inbox?.trim();
  if (!inbox) return null;
  const parley = new URL(script.src, location.href).origin;
  const locale = pickLocale(data.locale, navigator.languages);
  const t = loaderStrings[locale];
  const side = data.position === 'left' ? 'left' : 'right';
  let identity = cleanIdentity({
    identifier: data.identifier,
    identifier_hash: data.identifierHash,
    name: data.name,
    email: data.email,
  });
  const tokenKey = `parley.visitor.${inbox}`;
  let open = false;
  let ready = false;
  let unread = 0;

  // An element name no page styles (a page's `div { ... !important }` would reach a div).
  const host = document.createElement('parley-widget');
  style(host, { all: 'initial', position: 'fixed', 'z-index': '2147483000', bottom: '0', [side]: '0', width: '0', height: '0' });
  const root = host.attachShadow({ mode: 'open' });

  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ inbox, locale, host: location.origin });
  frame.src = `${parley}/widget/frame.html?${query}`;
  frame.title = t.frame;
  frame.id = 'parley-frame';
  style(frame, {
    display: 'none',
    position: 'fixed',
    bottom: '92px',
    [side]: '20px',
    width: '376px',
    height: 'min(620px, calc(100vh - 112px))',
    'max-width': 'calc(100vw - 40px)',
    border: '0',
    'border-radius': '14px',
    'box-shadow': '0 8px 32px rgba(0,0,0,.22)',
    background: '#fff',
    'color-scheme': 'normal',
  });

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.setAttribute('aria-controls', frame.id);
  style(launcher, {
    position: 'fixed',
    bottom: '20px',
    [side]: '20px',
    width: '60px',
    height: '60px',
    margin: '0',
    padding: '0',
    border: '0',
    'border-radius': '50%',
    background: '#1d4ed8',
    color: '#fff',
    cursor: 'pointer',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'center',
    'box-shadow': '0 4px 16px rgba(0,0,0,.25)',
    'outline-offset': '3px',
  });
  const chatIcon = icon(CHAT_ICON);
  const closeIcon = icon(CLOSE_ICON);
  const badge = document.createElement('span');
  badge.setAttribute('aria-hidden', 'true');
  style(badge, {
    display: 'none',
    position: 'absolute',
    top: '-2px',
    [side === 'right' ? 'left' : 'right']: '-2px',
    'min-width': '20px',
    height: '20px',
    padding: '0 5px',
    'box-sizing': 'border-box',
    'border-radius': '10px',
    background: '#c4161c',
    color: '#fff',
    font: 'bold 12px/20px system-ui, sans-serif',
    'text-align': 'center',
  });
  launcher.append(chatIcon, badge);
  root.append(frame, launcher);

  const small = window.matchMedia('(max-width: 480px)');

  function post(message: ToFrame) {
    if (ready) frame.contentWindow?.postMessage(message, parley);
  }

  function render() {
    const name = open ? t.close : unread > 0 ? `${t.open} (${t.unread.replace('{n}', String(unread))})` : t.open;
    launcher.setAttribute('aria-label', name);
    launcher.title = name;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.replaceChildren(open ? closeIcon : chatIcon, badge);
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.style.display = unread > 0 && !open ? 'block' : 'none';
    const full = open && small.matches;
    style(frame, {
      display: open ? 'block' : 'none',
      inset: full ? '0' : '',
      width: full ? '100%' : '376px',
      height: full ? '100%' : 'min(620px, calc(100vh - 112px))',
      'max-width': full ? '100%' : 'calc(100vw - 40px)',
      'border-radius': full ? '0' : '14px',
      bottom: full ? '0' : '92px',
      [side]: full ? '0' : '20px',
    });
    launcher.style.display = full ? 'none' : 'flex';
  }

  function show(next: boolean) {
    if (open === next) return;
    open = next;
    if (open) unread = 0;
    render();
    post({ type: open ? 'parley:open' : 'parley:close' });
    if (open) frame.focus();
  }

  launcher.addEventListener('click', () => show(!open));
  small.addEventListener('change', render);
  window.addEventListener('message', (event) => {
    if (event.origin !== parley || event.source !== frame.contentWindow) return;
    const message = toHost(event.data);
    if (!message) return;
    if (message.type === 'parley:ready') {
      ready = true;
      post({ type: 'parley:init', open, identity, token: load(tokenKey) });
    } else if (message.type === 'parley:unread') {
      unread = open ? 0 : message.count;
      render();
    } else if (message.type === 'parley:token') {
      store(tokenKey, message.token);
    } else if (message.type === 'parley:close-request') {
      show(false);
      launcher.focus();
    }
  });
  render();
  document.body.append(host);

  return {
    open: () => show(true),
    close: () => show(false),
    identify(next: Identity) {
      identity = cleanIdentity(next);
      post({ type: 'parley:identity', identity });
    },
  };
}

(() => {
  if ('Parley' in window) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-inbox][src*="widget.js"]');
  if (!script?.src) return;
  // window.Parley exists at once; calls made before the page's body exists wait for it.
  let installed: ParleyApi | null = null;
  const waiting: Array<(api: ParleyApi) => void> = [];
  const call = (action: (api: ParleyApi) => void) => (installed ? action(installed) : waiting.push(action));
  const api: ParleyApi = {
    open: () => call((widget) => widget.open()),
    close: () => call((widget) => widget.close()),
    identify: (identity) => call((widget) => widget.identify(identity)),
  };
  Object.defineProperty(window, 'Parley', { value: Object.freeze(api), configurable: true });
  const start = () => {
    installed = install(script);
    if (installed) for (const action of waiting.splice(0)) action(installed);
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
