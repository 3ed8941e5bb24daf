import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { highlight, matchRanges, searchQuery } from '../../src/core/search-match.js';
import { describe, it } from './support.js';

const marked = (pieces: { text: string; mark: boolean }[]) =>
  pieces.filter((p) => p.mark).map((p) => p.text);

describe('searchQuery', () => {
  it('asks nothing for fewer than 2 characters once trimmed', () => {
    expect(searchQuery('')).to.equal(null);
    expect(searchQuery(' a ')).to.equal(null);
    expect(searchQuery('   ')).to.equal(null);
    expect(searchQuery(' ab ')).to.equal('ab');
    expect(searchQuery('sister')).to.equal('sister');
  });
});

describe('matchRanges', () => {
  it('finds every occurrence, case-insensitively, as ranges of the original text', () => {
    expect(matchRanges('Sister, my SISTER and sisters', 'sister')).to.deep.equal([
      { start: 0, end: 6 },
      { start: 11, end: 17 },
      { start: 22, end: 28 },
    ]);
  });
  it('treats the query as text, not a pattern', () => {
    expect(matchRanges('a.b a+b (x)', 'a+b')).to.deep.equal([{ start: 4, end: 7 }]);
    expect(matchRanges('a.b a+b (x)', '(x)')).to.deep.equal([{ start: 8, end: 11 }]);
    expect(matchRanges('axb', 'a.b')).to.deep.equal([]);
    expect(matchRanges('1-2 / 3', '1-2 /')).to.deep.equal([{ start: 0, end: 5 }]);
  });
  it('keeps ranges right where lower-casing changes the length (İ)', () => {
    const text = 'İstanbul trip';
    const [r] = matchRanges(text, 'trip');
    expect(text.slice(r!.start, r!.end)).to.equal('trip');
  });
  it('every range covers a case-insensitive copy of the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 4 }), (text, q) => {
        for (const r of matchRanges(text, q))
          expect(text.slice(r.start, r.end).toLowerCase()).to.equal(q.trim().toLowerCase());
      }),
    );
  });
});

describe('highlight', () => {
  it('cuts a short text into marked and plain pieces that join back to it', () => {
    const p = highlight('About my sister, again', 'Sister');
    expect(p).to.deep.equal([
      { text: 'About my ', mark: false },
      { text: 'sister', mark: true },
      { text: ', again', mark: false },
    ]);
  });
  it('keeps a markup-looking body as text', () => {
    const p = highlight('<img src=x onerror=alert(1)> sister', 'sister');
    expect(p.map((x) => x.text).join('')).to.equal('<img src=x onerror=alert(1)> sister');
  });
  it('shows a long text around the first match, with ellipses', () => {
    const text = 'word '.repeat(100) + 'the sister part ' + 'tail '.repeat(100);
    const p = highlight(text, 'sister', 80);
    expect(marked(p)).to.deep.equal(['sister']);
    expect(p[0]).to.deep.equal({ text: '…', mark: false });
    expect(p.at(-1)).to.deep.equal({ text: '…', mark: false });
    expect(p.map((x) => x.text).join('').length).to.be.at.most(84);
  });
  it('joins back to the text (no ellipsis needed) for any short text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.string({ minLength: 2, maxLength: 3 }),
        (text, q) => {
          expect(
            highlight(text, q, 160)
              .map((x) => x.text)
              .join(''),
          ).to.equal(text);
        },
      ),
    );
  });
});
