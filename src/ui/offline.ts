// The page's side of offline use: asks the service worker (public/coi-serviceworker.js) how much
// of this build it keeps, and to keep all of it. Only the built site has the worker.
export interface OfflineStatus {
  version: string;
  /** Bytes of the whole site: shell, every built-in model, the demo. */
  bytes: number;
  files: number;
  /** Files of this version not kept yet. */
  missing: number;
}

type Reply =
  | { kind: 'status'; status: OfflineStatus }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; failed: number; status: OfflineStatus }
  | { kind: 'error'; message: string };

function ask(message: string, onReply: (r: Reply) => boolean): boolean {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return false;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<Reply>) => {
    if (onReply(e.data)) channel.port1.close();
  };
  worker.postMessage(message, [channel.port2]);
  return true;
}

/** The status, or null where no service worker controls the page (the dev server). */
export function offlineStatus(): Promise<OfflineStatus | null> {
  return new Promise((resolve, reject) => {
    const asked = ask('offline-status', (r) => {
      if (r.kind === 'status') resolve(r.status);
      else if (r.kind === 'error') reject(new Error(r.message));
      return true;
    });
    if (!asked) resolve(null);
  });
}

/** Keeps every file of this build; `onProgress` gets files done of all. */
export function keepOffline(onProgress: (done: number, total: number) => void): Promise<{ failed: number; status: OfflineStatus }> {
  return new Promise((resolve, reject) => {
    const asked = ask('keep-offline', (r) => {
      if (r.kind === 'progress') onProgress(r.done, r.total);
      else if (r.kind === 'done') resolve(r);
      else if (r.kind === 'error') reject(new Error(r.message));
      return r.kind !== 'progress';
    });
    if (!asked) reject(new Error('Offline use needs the built site (its service worker); the dev server has none.'));
  });
}
