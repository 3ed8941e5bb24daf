/**
 * The first line of a message as a notice shows it: at most `max` characters (grapheme clusters,
 * so an emoji sequence is never split), cut with an ellipsis after the last whole word when one
 * ends in the second half of the line, else after the last whole grapheme. Text, never HTML.
 */
export function firstLine(body: string, max = 80): string {
  const line = body
    .trim()
    .split(/\r\n?|[\n\u2028\u2029]/)[0]!
    .trim();
  const g = Array.from(new Intl.Segmenter().segment(line), (s) => s.segment);
  if (g.length <= max) return line;
  const cut = g.slice(0, max - 1).join('');
  // The next grapheme is a space: the cut already ends a word. Else drop the word it splits.
  const word = /\s/.test(g[max - 1]!) ? cut : cut.replace(/\s+\S*$/, '');
  return (word.length > cut.length / 2 ? word : cut).trimEnd() + '…';
}
