// Custom-elements manifest (`npm run analyze` → ./custom-elements.json, committed and shipped).
// Storybook's docs pages read it (`setCustomElementsManifest` in .storybook/preview.ts) for the
// attributes, properties, events, slots, CSS parts and custom properties tables; editors and
// framework wrappers read it too. The doc blocks live on each `*.component.ts` class (@tag, @attr,
// @fires, @slot, @csspart, @cssproperty). The shared base class is analysed as well so the
// properties every element inherits from it (`store`, `strings`) are documented.
/**
 * Several tags written on one doc-comment line (`@csspart a - … @csspart b - …`) reach the
 * analyzer as one entry whose description holds the others; split them back into entries.
 */
function splitInlineTags(entries, tag) {
  const out = [];
  const inline = new RegExp(`\\s*@${tag}\\s+(\\S+)\\s+-\\s+`, 'g');
  for (const entry of entries) {
    const pieces = (entry.description ?? '').split(inline);
    out.push({ ...entry, description: pieces[0].trim() });
    for (let i = 1; i + 1 < pieces.length; i += 2)
      out.push({ name: pieces[i], description: pieces[i + 1].trim() });
  }
  return out;
}

export default {
  globs: ['src/elements/**/*.component.ts', 'src/elements/base/dm-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest ("customElements"); don't let the analyzer rewrite it.
  packagejson: false,
  plugins: [
    {
      // Private and protected members (`#x`, `private`, `protected`, Lit's internals) are not API:
      // drop them so the docs tables show only what a host page can use.
      name: 'dm-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer lists modules in the order its glob finds them, which varies between
        // machines: sort by path so the committed manifest only changes when the API does.
        customElementsManifest.modules.sort((a, b) =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
        );
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.members) {
              decl.members = decl.members.filter(
                (m) =>
                  m.privacy !== 'private' &&
                  m.privacy !== 'protected' &&
                  !m.name.startsWith('#') &&
                  !m.static,
              );
            }
            // The base class's `emit(name, …)` helper is seen as an event literally called "name";
            // real events are all `dm-*` and documented with @fires.
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('dm-'));
            if (decl.cssParts) decl.cssParts = splitInlineTags(decl.cssParts, 'csspart');
            if (decl.cssProperties)
              decl.cssProperties = splitInlineTags(decl.cssProperties, 'cssproperty');
          }
        }
      },
    },
  ],
};
