// One way for a portal button to call the API: one action at a time (`busy`), the running one
// named by `running` (for its spinner), a failure shown with the problem's detail, the page refreshed after.
// A second call while one is in flight is dropped: a double tap on a slow link must not send twice.
import { useCallback, useRef, useState } from 'react';
import { useRefresh } from 'react-admin';
import { useNotifyError } from './useNotifyError';

export function useAction<K extends string = 'run'>(options: { refresh?: boolean } = {}) {
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [running, setRunning] = useState<K | null>(null);
  // A ref, not the state: two taps can arrive before React re-renders the disabled button.
  const inFlight = useRef(false);
  const after = options.refresh ?? true;
  const run = useCallback(
    async (work: () => Promise<void>, key = 'run' as K): Promise<void> => {
      if (inFlight.current) return;
      inFlight.current = true;
      setRunning(key);
      try {
        await work();
        if (after) refresh();
      } catch (error) {
        notifyError(error);
      } finally {
        inFlight.current = false;
        setRunning(null);
      }
    },
    [after, notifyError, refresh],
  );
  return { busy: running !== null, running, run };
}

/** Saves a downloaded blob as a file (a plain link would go without the bearer token). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
