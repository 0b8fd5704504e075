import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { fieldErrors } from '../../../i18n/problems';
import { supportAdminProblemText } from './problems';

/**
 * A change to one row of a list (delete it, switch it on or off): when it succeeds the given queries are
 * refreshed, in order, and `onDone` runs; when it fails the problem is shown as a message.
 */
export function useRowMutation<T>(change: (row: T) => Promise<unknown>, invalidates: QueryKey[], onDone?: (row: T) => void) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (_, row) => {
      for (const queryKey of invalidates) void client.invalidateQueries({ queryKey });
      onDone?.(row);
    },
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
}

/**
 * A create-or-edit dialog's save: when it succeeds the given queries are refreshed, in order, and `onSaved`
 * runs; the server's field errors are put on the form's fields (named by `fieldOf`, by default as the
 * server names them). The dialog shows any other failure itself.
 */
export function useFormSave<V>(
  form: FormInstance,
  save: (values: V) => Promise<unknown>,
  { invalidates, onSaved, fieldOf = (name) => name }: { invalidates: QueryKey[]; onSaved: () => void; fieldOf?: (serverName: string) => string },
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: () => {
      for (const queryKey of invalidates) void client.invalidateQueries({ queryKey });
      onSaved();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name: fieldOf(name), errors })));
    },
  });
}
