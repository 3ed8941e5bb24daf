/**
 * The context protocol of src/data/context.ts (what `<dm-provider>` and every `dm-*` element
 * speak), run side by side with `@lit/context`'s own provider, consumer and root: the same
 * scenarios give the same values in the same order, and each interoperates with the other.
 */
import { ContextConsumer, ContextProvider, ContextRoot, createContext } from '@lit/context';
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume, ensureContextRoot, provide } from '../../src/data/context.js';

const ctx = createContext<string | undefined>(Symbol('test-context'));

type Impl = {
  provide(host: LitElement, value: string | undefined): (v: string) => void;
  consume(host: LitElement, cb: (v: string | undefined) => void): void;
};
const ours: Impl = {
  provide: (host, value) => provide(host, ctx, value),
  consume: (host, cb) => consume(host, ctx, cb),
};
const lits: Impl = {
  provide: (host, value) => {
    const p = new ContextProvider(host, { context: ctx, initialValue: value });
    return (v) => p.setValue(v);
  },
  consume: (host, cb) =>
    void new ContextConsumer(host, { context: ctx, subscribe: true, callback: cb }),
};

let n = 0;
/** Defines a provider element and a consumer element using `impl`; returns their tag names. */
function define(providerImpl: Impl, consumerImpl: Impl, initial = 'a') {
  const id = ++n;
  const log: string[] = [];
  const setters = new Map<Element, (v: string) => void>();
  class P extends LitElement {
    constructor() {
      super();
      setters.set(this, providerImpl.provide(this, this.getAttribute('value') ?? initial));
    }
    protected override createRenderRoot() {
      return this;
    }
  }
  class C extends LitElement {
    constructor() {
      super();
      consumerImpl.consume(this, (v) => log.push(`${this.id}=${v}`));
    }
    protected override createRenderRoot() {
      return this;
    }
  }
  return {
    log,
    set: (el: Element, v: string) => setters.get(el)!(v),
    p: `ctx-p-${id}`,
    q: `ctx-q-${id}`,
    c: `ctx-c-${id}`,
    defineP: () => customElements.define(`ctx-p-${id}`, P),
    defineQ: () => customElements.define(`ctx-q-${id}`, class extends P {}),
    defineC: () => customElements.define(`ctx-c-${id}`, C),
  };
}

async function scenarios(providerImpl: Impl, consumerImpl: Impl): Promise<string[][]> {
  const out: string[][] = [];
  const host = document.createElement('div');
  document.body.append(host);
  // 1. Inside a provider: the value, then each change (the same value again is no change).
  {
    const t = define(providerImpl, consumerImpl);
    t.defineP();
    t.defineC();
    host.innerHTML = `<${t.p}><div><${t.c} id="x"></${t.c}></div></${t.p}>`;
    const p = host.firstElementChild!;
    t.set(p, 'b');
    t.set(p, 'b');
    t.set(p, 'c');
    // 4. Disconnected it hears nothing; connected again it is given the value again.
    const c = host.querySelector('#x')!;
    c.remove();
    t.set(p, 'd');
    p.append(c);
    t.set(p, 'e');
    out.push(t.log);
  }
  // 2. A consumer that upgraded before its provider: the root replays its request.
  {
    const t = define(providerImpl, consumerImpl);
    host.innerHTML = `<${t.p} value="late"><${t.c} id="y"></${t.c}></${t.p}>`;
    t.defineC();
    t.defineP();
    await Promise.resolve();
    t.set(host.firstElementChild!, 'later');
    out.push(t.log);
  }
  // 3. A provider that upgrades inside another takes over the consumers below it.
  {
    const t = define(providerImpl, consumerImpl);
    t.defineP();
    t.defineC();
    host.innerHTML = `<${t.p} value="outer"><${t.q} value="inner"><${t.c} id="z"></${t.c}></${t.q}><${t.c} id="w"></${t.c}></${t.p}>`;
    const outer = host.firstElementChild!;
    t.defineQ();
    const inner = outer.firstElementChild!;
    t.set(outer, 'outer2');
    t.set(inner, 'inner2');
    // 5. Moved to another provider: that one's value, the first one's no more.
    const other = document.createElement(t.p);
    other.setAttribute('value', 'other');
    host.append(other);
    other.append(host.querySelector('#z')!);
    t.set(inner, 'inner3');
    t.set(other, 'other2');
    out.push(t.log);
  }
  host.remove();
  return out;
}

describe('context protocol', () => {
  it('gives what @lit/context gives, and interoperates with it both ways', async () => {
    const root = new ContextRoot();
    root.attach(document.documentElement);
    const expected = await scenarios(lits, lits);
    root.detach(document.documentElement);
    expect(expected[0]).to.deep.equal(['x=a', 'x=b', 'x=c', 'x=d', 'x=e']);
    expect(expected[1]).to.deep.equal(['y=late', 'y=later']);
    expect(expected[2]).to.deep.equal([
      'z=outer',
      'w=outer',
      'z=inner',
      'w=outer', // the outer provider hands its consumers on again; those not under the new one stay
      'w=outer2',
      'z=inner2',
      'z=a', // the other provider's value (`value` is read as it is made, before setAttribute)
      'z=other2',
    ]);
    ensureContextRoot();
    expect(await scenarios(ours, ours)).to.deep.equal(expected);
    expect(await scenarios(ours, lits)).to.deep.equal(expected);
    expect(await scenarios(lits, ours)).to.deep.equal(expected);
  });
});
