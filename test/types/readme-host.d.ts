// What the README's snippets assume the host page already has (its router, analytics, sign-in,
// token source, its own adapter). Compiled with them by scripts/typecheck-host.mjs.
import type { DmAdapter } from 'dm-widgets';

declare global {
  function navigate(path: string): void;
  function track(what: unknown): void;
  function showSignIn(): void;
  function getToken(): Promise<string>;
  const myAdapter: DmAdapter;
}
