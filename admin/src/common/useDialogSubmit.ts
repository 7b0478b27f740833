// The submit handler of a react-admin <Form> inside a dialog: send, close on success; on a refusal
// notify its message and hand the server's 422 field paths back to react-admin, which shows them
// on the inputs (the dialog stays open with what was typed).
import { useNotify, type HttpError } from 'react-admin';

export function useDialogSubmit<V>(send: (values: Record<string, unknown>) => Promise<V>, onClose: () => void) {
  const notify = useNotify();
  return async (values: Record<string, unknown>) => {
    try {
      await send(values);
      onClose();
    } catch (error) {
      const err = error as HttpError;
      const message = err?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return (err?.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };
}
