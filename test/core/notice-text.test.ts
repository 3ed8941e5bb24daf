import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { firstLine } from '../../src/core/notice-text.js';
import { describe, it } from './support.js';

const graphemes = (s: string) => [...new Intl.Segmenter().segment(s)].length;

describe('firstLine', () => {
  it('is the first line, trimmed, whole when it fits', () => {
    expect(firstLine('Hi Luna!')).to.equal('Hi Luna!');
    expect(firstLine('  \n First line \r\nsecond line')).to.equal('First line');
    expect(firstLine('one\rtwo')).to.equal('one');
    expect(firstLine('x'.repeat(80))).to.equal('x'.repeat(80));
  });
  it('keeps text as text (markup is not interpreted)', () => {
    expect(firstLine('<b>bold</b> <img src=x onerror=alert(1)>')).to.equal(
      '<b>bold</b> <img src=x onerror=alert(1)>',
    );
  });
  it('cuts a long line after its last whole word, with an ellipsis, within 80 characters', () => {
    const line =
      'I wanted to ask about the reading you did for me last week, and whether the cards said anything more';
    const out = firstLine(line);
    expect(out).to.equal(
      'I wanted to ask about the reading you did for me last week, and whether the…',
    );
    expect(graphemes(out)).to.be.at.most(80);
    // The cut falls right at a word's end: that word stays.
    expect(firstLine('a'.repeat(70) + ' ' + 'b'.repeat(8) + ' more')).to.equal(
      'a'.repeat(70) + ' ' + 'b'.repeat(8) + '…',
    );
  });
  it('cuts a line without spaces at a grapheme, never inside an emoji sequence', () => {
    const family = '👩‍👩‍👧‍👦';
    const out = firstLine(family.repeat(100));
    expect(out).to.equal(family.repeat(79) + '…');
    expect(firstLine('字'.repeat(90))).to.equal('字'.repeat(79) + '…');
    // One long word after a short one: cut inside the long word rather than keep one word only.
    expect(firstLine('Hi ' + 'x'.repeat(100))).to.equal('Hi ' + 'x'.repeat(76) + '…');
  });
  it('is at most 80 graphemes, a prefix of the first line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const out = firstLine(s);
        const line = s
          .trim()
          .split(/\r\n?|[\n\u2028\u2029]/)[0]!
          .trim();
        expect(graphemes(out)).to.be.at.most(80);
        if (graphemes(line) <= 80) expect(out).to.equal(line);
        else {
          expect(out.endsWith('…')).to.equal(true);
          expect(line.startsWith(out.slice(0, -1))).to.equal(true);
        }
      }),
    );
  });
});
