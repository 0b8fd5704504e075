import type { Locale } from './locale';

/** Every string the chat panel shows, in English and Chinese. */
const en = {
  chat: 'Chat',
  close: 'Close chat',
  online: "We're online",
  away: "We'll reply as soon as we can",
  greeting: 'Hi! How can we help you today?',
  conversation: 'Conversation',
  earlier: 'Show earlier messages',
  placeholder: 'Type your message…',
  inputLabel: 'Your message',
  send: 'Send',
  handoff: 'Talk to a person',
  you: 'You',
  bot: 'Bot',
  agent: 'Support agent',
  botWriting: 'The bot is writing…',
  agentTyping: 'A support agent is typing…',
  interrupted: 'This reply was interrupted.',
  unverified: 'This chat is for signed-in customers. Please sign in on this website to chat with us.',
  identityInvalid: 'We could not confirm who you are, so you are chatting as a guest.',
  offline: 'You are offline. The chat reconnects when you are back online.',
  reconnecting: 'Reconnecting…',
  slowDown: "You're sending messages too quickly. Please slow down and try again in {s} seconds.",
  slowDownShort: "You're sending messages too quickly. Please slow down and try again in a moment.",
  busy: 'Please wait until the current reply is finished.',
  network: 'The chat could not reach the server. Please check your connection and try again.',
  failed: 'Something went wrong. Please try again.',
  unavailable: 'This chat is not available.',
  gone: 'This conversation is no longer available.',
  dismiss: 'Dismiss',
  retry: 'Try again',
  sending: 'Sending…',
  notSent: 'Not sent',
  said: '{who}: {text}',
};

export type Strings = typeof en;

const zhCN: Strings = {
  chat: '聊天',
  close: '关闭聊天',
  online: '我们在线',
  away: '我们会尽快回复您',
  greeting: '您好！有什么可以帮您？',
  conversation: '对话',
  earlier: '查看更早的消息',
  placeholder: '输入消息…',
  inputLabel: '您的消息',
  send: '发送',
  handoff: '转人工客服',
  you: '我',
  bot: '智能助手',
  agent: '客服',
  botWriting: '智能助手正在回复…',
  agentTyping: '客服正在输入…',
  interrupted: '此回复已中断。',
  unverified: '此聊天仅面向已登录的客户。请先在本网站登录，再与我们聊天。',
  identityInvalid: '无法确认您的身份，您将以访客身份聊天。',
  offline: '您已离线。恢复网络后聊天会自动重新连接。',
  reconnecting: '正在重新连接…',
  slowDown: '您发送消息太快了，请放慢速度，{s} 秒后再试。',
  slowDownShort: '您发送消息太快了，请放慢速度，稍后再试。',
  busy: '请等待当前回复完成。',
  network: '无法连接到服务器，请检查网络后重试。',
  failed: '出错了，请重试。',
  unavailable: '此聊天暂不可用。',
  gone: '此对话已不可用。',
  dismiss: '关闭提示',
  retry: '重试',
  sending: '正在发送…',
  notSent: '未发送',
  said: '{who}：{text}',
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'zh-CN' ? zhCN : en;
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
