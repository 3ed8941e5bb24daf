/**
 * Starts the mock backend in a browser through MSW's service worker.
 * The page's origin must serve MSW's `mockServiceWorker.js` at its root.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockDb } from './db.js';
import { createHandlers } from './handlers.js';

export interface StartMockWorkerOptions {
  /** A database to serve (default: a new seeded `MockDb`). */
  db?: MockDb;
  /** Base URL of the API (default `/api/dm`). */
  baseUrl?: string;
  /** Silence MSW's console logging (default true). */
  quiet?: boolean;
  /** URL of the worker script (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
}

export interface MockWorker {
  db: MockDb;
  worker: SetupWorker;
  /** Closes open event streams and stops the worker. */
  stop(): void;
}

/** Starts MSW with handlers for every route of the contract. */
export async function startMockWorker(opts: StartMockWorkerOptions = {}): Promise<MockWorker> {
  const baseUrl = (opts.baseUrl ?? '/api/dm').replace(/\/+$/, '');
  const db = opts.db ?? new MockDb({ avatarBase: `${baseUrl}/__avatars` });
  const worker = setupWorker(...createHandlers(db, { baseUrl }));
  await worker.start({
    quiet: opts.quiet ?? true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: opts.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return {
    db,
    worker,
    stop() {
      db.dropConnections();
      worker.stop();
    },
  };
}
