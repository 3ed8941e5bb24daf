/** Registers a tag once; a second registration (two copies of the bundle on a page) is a no-op. */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
