import { useCallback, useState } from 'react';

/** What a list page's create-or-edit dialog gets: whether it shows, the row it edits (null: a new one) and how to close it. */
export interface EditorProps<T> {
  open: boolean;
  editing: T | null;
  onClose: () => void;
}

/**
 * The state of a list page's create-or-edit dialog. Each `edit` opens it afresh: `key` changes, so the
 * dialog (rendered with `key={editor.key}`) remounts with the new row's values; `close` keeps the row
 * while the dialog animates away.
 */
export function useEditorModal<T>() {
  const [state, setState] = useState<{ open: boolean; editing: T | null; key: number }>({ open: false, editing: null, key: 0 });
  const edit = useCallback((editing: T | null) => setState((now) => ({ open: true, editing, key: now.key + 1 })), []);
  const close = useCallback(() => setState((now) => ({ ...now, open: false })), []);
  const props: EditorProps<T> = { open: state.open, editing: state.editing, onClose: close };
  return { key: state.key, props, edit, close };
}
