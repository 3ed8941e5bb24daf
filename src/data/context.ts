import { type Context, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { DmStore } from './store.js';

/** The context through which `<dm-provider>` hands its store to every `dm-*` element inside it. */
export const dmContext = createContext<DmStore | undefined>(Symbol.for('dm-widgets/store'));

// The community context protocol, as `@lit/context` (1.1) speaks it, in the little the elements
// use: a consumer's `context-request` (bubbling, composed; `context`, `contextTarget`, `callback`,
// `subscribe`) is answered by the nearest provider of that context, which calls the callback with
// the value (and, subscribed, an unsubscribe) now and at every change. A provider that connects
// says so (`context-provider`): one above it hands its subscribers down to it, and the root
// replays the requests no provider answered (elements that upgraded before their provider).
// Hosts' own `@lit/context` consumers, providers and roots interoperate with these.

type Callback = (value: unknown, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;
interface ProtocolEvent extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: Callback;
  subscribe?: boolean;
}

const protocolEvent = (type: string, props: object) =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), props);
const request = (context: unknown, contextTarget: Element, callback: Callback) =>
  protocolEvent('context-request', { context, contextTarget, callback, subscribe: true });
const targetOf = (e: ProtocolEvent) => e.contextTarget ?? (e.composedPath()[0] as Element);
const listen = (el: Element, type: string, listener: (e: ProtocolEvent) => void) =>
  el.addEventListener(type, listener as unknown as EventListener);

/** Provides `value` of `context` to the elements inside `host`; returns the setter (subscribers hear of a changed value). */
export function provide<T>(host: Host, context: Context<unknown, T>, value: T): (value: T) => void {
  const subs = new Map<Callback, [unsubscribe: () => void, consumer: Element]>();
  listen(host, 'context-request', (e) => {
    if (e.context !== context || targetOf(e) === host) return;
    e.stopPropagation();
    const cb = e.callback;
    if (!e.subscribe) return cb(value);
    if (!subs.has(cb)) subs.set(cb, [() => subs.delete(cb), targetOf(e)]);
    cb(value, subs.get(cb)![0]);
  });
  // A provider of the same context connected inside: the consumers below it move to it.
  listen(host, 'context-provider', (e) => {
    if (e.context !== context || targetOf(e) === host) return;
    for (const [cb, [, consumer]] of [...subs])
      consumer.dispatchEvent(request(context, consumer, cb));
    e.stopPropagation();
  });
  host.addController({
    hostConnected: () =>
      host.dispatchEvent(protocolEvent('context-provider', { context, contextTarget: host })),
  });
  return (v) => {
    if (Object.is(v, value)) return;
    value = v;
    for (const [cb, [unsubscribe]] of subs) cb(v, unsubscribe);
  };
}

/** Follows the nearest provider's `context` while `host` is connected (the host updates on each value). */
export function consume<T>(host: Host, context: Context<unknown, T>, callback: (value: T) => void) {
  let unsubscribe: (() => void) | undefined;
  const cb: Callback = (v, u) => {
    if (unsubscribe && unsubscribe !== u) unsubscribe();
    host.requestUpdate();
    callback(v as T);
    unsubscribe = u;
  };
  host.addController({
    hostConnected: () => host.dispatchEvent(request(context, host, cb)),
    hostDisconnected: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}

let rootAttached = false;
/**
 * Attaches one root to the document (idempotent): it keeps the subscribing requests that no
 * provider answered and replays them when a provider of their context connects, so the order in
 * which a host page defines or loads the elements does not matter.
 */
export function ensureContextRoot(): void {
  if (rootAttached || typeof document === 'undefined') return;
  rootAttached = true;
  const pending = new Map<unknown, [WeakRef<Element>, WeakRef<Callback>][]>();
  const root = document.documentElement;
  listen(root, 'context-request', (e) => {
    if (e.subscribe !== true) return;
    const el = targetOf(e);
    const cb = e.callback;
    let list = pending.get(e.context);
    if (!list) pending.set(e.context, (list = []));
    if (!list.some(([r, c]) => r.deref() === el && c.deref() === cb))
      list.push([new WeakRef(el), new WeakRef(cb)]);
  });
  listen(root, 'context-provider', (e) => {
    const list = pending.get(e.context);
    if (!list) return;
    pending.delete(e.context);
    for (const [r, c] of list) {
      const el = r.deref();
      const cb = c.deref();
      if (el && cb) el.dispatchEvent(request(e.context, el, cb));
    }
  });
}
