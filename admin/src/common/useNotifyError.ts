import { useCallback } from 'react';
import { useNotify, type HttpError } from 'react-admin';

/** Shows why a request failed (the problem's detail, already translated) or react-admin's generic error. */
export function useNotifyError(): (error: unknown) => void {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const message = (error as HttpError)?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify],
  );
}
