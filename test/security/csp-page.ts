// Runs inside csp-page.html (strict CSP + Trusted Types) and reports to the test in the parent page.
import { findInjected, hostileAdapter, trapExecution, PAYLOADS } from './hostile-adapter.js';

// Collected from the start of parsing by csp-early.js.
const violations: string[] = (window as unknown as { cspViolations: string[] }).cspViolations;
const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
const trap = trapExecution(window);

const provider = document.querySelector('dm-provider') as HTMLElement & { adapter: unknown };
provider.adapter = hostileAdapter();
await import('../../src/index.js');

const tab = document.querySelector('dm-communications')!;
const deadline = performance.now() + 8000;
let rows = 0;
let items = 0;
while (performance.now() < deadline) {
  await new Promise((r) => setTimeout(r, 100));
  const list = tab.shadowRoot?.querySelector('dm-client-list');
  const feed = tab.shadowRoot?.querySelector('dm-communications-feed');
  rows = list?.shadowRoot?.querySelectorAll('[part~="client"]').length ?? 0;
  items = feed?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
  if (rows > 3 && items > 3) break;
}
const composer = tab.shadowRoot?.querySelector('dm-composer');
const input = composer?.shadowRoot?.querySelector('textarea');
parent.postMessage(
  {
    type: 'csp-report',
    trustedTypesEnforced:
      typeof (window as unknown as { trustedTypes?: unknown }).trustedTypes === 'object',
    rows,
    items,
    composerReady: !!input && !input.disabled,
    payloads: PAYLOADS.length,
    executed: trap.fired,
    injected: findInjected(document.querySelector('dm-provider')!),
    violations,
    errors,
  },
  '*',
);
