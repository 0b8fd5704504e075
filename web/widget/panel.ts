import type { Strings } from './strings';

/** The chat panel's elements (frame.html) and what it says besides the messages. */
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const ui = {
  panel: byId<HTMLElement>('panel'),
  title: byId<HTMLHeadingElement>('title'),
  presence: byId<HTMLParagraphElement>('presence'),
  closeButton: byId<HTMLButtonElement>('close'),
  banner: byId<HTMLParagraphElement>('banner'),
  errorBox: byId<HTMLDivElement>('error'),
  errorText: byId<HTMLSpanElement>('error-text'),
  errorClose: byId<HTMLButtonElement>('error-close'),
  scroller: byId<HTMLDivElement>('scroller'),
  earlier: byId<HTMLButtonElement>('earlier'),
  log: byId<HTMLOListElement>('log'),
  typing: byId<HTMLParagraphElement>('typing'),
  live: byId<HTMLDivElement>('live'),
  notice: byId<HTMLParagraphElement>('notice'),
  handoffButton: byId<HTMLButtonElement>('handoff'),
  composer: byId<HTMLFormElement>('composer'),
  inputLabel: byId<HTMLLabelElement>('input-label'),
  input: byId<HTMLTextAreaElement>('input'),
  sendButton: byId<HTMLButtonElement>('send'),
};

/** Every fixed string and label, in the panel's language. */
export function label(t: Strings, locale: string, embedded: boolean) {
  document.documentElement.lang = locale;
  document.title = t.chat;
  ui.title.textContent = t.chat;
  ui.closeButton.setAttribute('aria-label', t.close);
  ui.closeButton.title = t.close;
  ui.closeButton.hidden = !embedded;
  ui.errorClose.textContent = t.dismiss;
  ui.earlier.textContent = t.earlier;
  ui.log.setAttribute('aria-label', t.conversation);
  ui.handoffButton.textContent = t.handoff;
  ui.inputLabel.textContent = t.inputLabel;
  ui.input.placeholder = t.placeholder;
  ui.sendButton.textContent = t.send;
  ui.typing.textContent = t.agentTyping;
}

/** Read out by screen readers (the messages list itself is not live: a streaming reply would be read chunk by chunk). */
export function announce(text: string) {
  if (!text.trim()) return;
  ui.live.textContent = '';
  setTimeout(() => {
    ui.live.textContent = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }, 50);
}

export function showError(text: string) {
  ui.errorText.textContent = text;
  ui.errorBox.hidden = false;
}

export function clearError() {
  ui.errorBox.hidden = true;
}

/** The line under the messages, offline first, else reconnecting, else none. */
export function showBanner(t: Strings, reconnecting: boolean) {
  const offline = navigator.onLine === false;
  ui.banner.hidden = !offline && !reconnecting;
  ui.banner.textContent = offline ? t.offline : reconnecting ? t.reconnecting : '';
}

let agentTypingTimer: ReturnType<typeof setTimeout> | undefined;

export function showAgentTyping(on: boolean) {
  clearTimeout(agentTypingTimer);
  ui.typing.hidden = !on;
  // A lost "stopped typing" must not leave the line up for ever.
  if (on) agentTypingTimer = setTimeout(() => (ui.typing.hidden = true), 10_000);
}

export function resizeInput() {
  ui.input.style.height = 'auto';
  ui.input.style.height = `${Math.min(ui.input.scrollHeight + 2, 120)}px`;
}
