/**
 * The hooks module of the mock server, and the example of one (`dm-widgets/mocks/hooks`):
 *
 *     npx dm-widgets-verify http://127.0.0.1:8787/api/dm --client c-dana --hooks dm-widgets/mocks/hooks
 *
 * Each hook drives the mock's controls on `<origin>/__mock/…`. A staging server's hooks module
 * looks the same, calling whatever admin endpoint or database script makes the client write.
 */
import type { DmHooks, HooksContext } from '../conformance/types.js';

async function call(url: string, body: unknown = {}): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

/** Hooks for a mock server whose controls live at `origin` (e.g. `http://127.0.0.1:8787`). */
export function createMockHooks(options: { origin: string }): Required<DmHooks> {
  const base = `${options.origin.replace(/\/+$/, '')}/__mock`;
  const client = (id: string) => `${base}/clients/${encodeURIComponent(id)}`;
  return {
    clientWrites: (clientId, text) => call(`${client(clientId)}/writes`, { body: text }),
    clientOrders: (clientId) => call(`${client(clientId)}/orders`),
    negativeReview: (clientId, on) => call(`${client(clientId)}/negative-review`, { on }),
    setAdvisorStatus: (status) => call(`${base}/advisor-status`, { status }),
    reset: () => call(`${base}/reset`),
  };
}

/** `--hooks` entry point: the kit calls it with the base URL being verified. */
export default function hooks(context: HooksContext): Required<DmHooks> {
  return createMockHooks({ origin: new URL(context.baseUrl).origin });
}
