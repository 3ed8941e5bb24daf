// The README's fenced code blocks, shared by scripts/typecheck-host.mjs (TS/TSX/JS blocks,
// compiled as a host would) and test/readme/readme.test.ts (HTML blocks, mounted in the browser).
/**
 * @param {string} markdown
 * @returns {{ lang: string, code: string, line: number }[]}
 */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (++i < lines.length && !/^```\s*$/.test(lines[i]));
    blocks.push({ lang: open[1], code: lines.slice(start, i).join('\n'), line: start });
  }
  return blocks;
}
