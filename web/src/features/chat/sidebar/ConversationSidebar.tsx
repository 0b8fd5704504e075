/** Placeholder: the conversation list of the sidebar. */
export function ConversationSidebar() {
  return <div />;
}
