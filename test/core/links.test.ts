import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { linkify, safeImageUrl } from '../../src/core/links.js';
import { describe, it, urlArb } from './support.js';

const L = (url: string) => ({ text: url, href: url });

describe('linkify', () => {
  const table: Array<[string, Array<{ text: string; href?: string }>]> = [
    ['', []],
    ['no links here', [{ text: 'no links here' }]],
    ['https://example.com', [L('https://example.com')]],
    [
      'see https://example.com/a?b=1#c now',
      [{ text: 'see ' }, L('https://example.com/a?b=1#c'), { text: ' now' }],
    ],
    ['Go to http://x.io.', [{ text: 'Go to ' }, L('http://x.io'), { text: '.' }]],
    ['(http://x.io/a)', [{ text: '(' }, L('http://x.io/a'), { text: ')' }]],
    [
      'http://x.io/a, http://y.io/b!?',
      [L('http://x.io/a'), { text: ', ' }, L('http://y.io/b'), { text: '!?' }],
    ],
    [
      'https://en.wikipedia.org/wiki/Tarot_(card).',
      [L('https://en.wikipedia.org/wiki/Tarot_(card)'), { text: '.' }],
    ],
    ['HTTPS://EXAMPLE.COM/X', [L('HTTPS://EXAMPLE.COM/X')]],
    ['line1\nhttps://a.b\nline3', [{ text: 'line1\n' }, L('https://a.b'), { text: '\nline3' }]],
    ['javascript:alert(1)', [{ text: 'javascript:alert(1)' }]],
    [
      'data:text/html,<script>alert(1)</script>',
      [{ text: 'data:text/html,<script>alert(1)</script>' }],
    ],
    [
      'ftp://files.example.com and mailto:a@b.c',
      [{ text: 'ftp://files.example.com and mailto:a@b.c' }],
    ],
    ['just http:// here', [{ text: 'just http:// here' }]],
    ['http://.', [{ text: 'http://.' }]],
    ['http://a:b:c is not a URL', [{ text: 'http://a:b:c is not a URL' }]],
    [
      '<a href="https://x.io">x</a>',
      [{ text: '<a href="' }, L('https://x.io'), { text: '">x</a>' }],
    ],
  ];
  for (const [input, expected] of table)
    it(JSON.stringify(input), () => void expect(linkify(input)).to.deep.equal(expected));

  const fragment = fc.constantFrom(
    'http://',
    'https://',
    'HTTP://',
    'a.b',
    'x',
    ' ',
    '\n',
    '.',
    ',',
    ')',
    '(',
    '!',
    '?',
    '"',
    '<',
    'javascript:',
    'data:',
    'ftp://',
    '/',
    '#',
    ':',
  );
  const textArb = fc.oneof(
    fc.array(fragment).map((a) => a.join('')),
    fc.string(),
    urlArb.map((u) => `see ${u}. ok`),
  );
  it('gives back the text, links only http(s), never ends a link in punctuation (property)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const segs = linkify(text);
        expect(segs.map((s) => s.text).join('')).to.equal(text);
        for (const s of segs) {
          expect(s.text).to.not.equal('');
          if (s.href === undefined) continue;
          expect(s.href).to.equal(s.text);
          expect(s.href).to.match(/^https?:\/\/\S/i);
          expect(new URL(s.href).protocol).to.be.oneOf(['http:', 'https:']);
          expect(s.href).to.not.match(/[.,!?;:]$/);
        }
        for (let i = 1; i < segs.length; i++)
          expect(!segs[i - 1]!.href && !segs[i]!.href, 'adjacent text merged').to.equal(false);
      }),
      { numRuns: 1000 },
    );
  });
  it('links a web URL found in text (property)', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const clean = url.replace(/[.,!?;:')*]+$/, '');
        fc.pre(!/[()]/.test(clean) && clean.length > 8 && !/\s/.test(clean));
        expect(linkify(`a ${clean} b`)).to.deep.equal([{ text: 'a ' }, L(clean), { text: ' b' }]);
      }),
    );
  });
});

describe('safeImageUrl', () => {
  const table: Array<[string | null, string | null]> = [
    [null, null],
    ['', null],
    ['   ', null],
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['HTTP://cdn.example.com/a.png', 'HTTP://cdn.example.com/a.png'],
    ['/avatars/1.png', '/avatars/1.png'],
    ['avatars/1.png', 'avatars/1.png'],
    ['//cdn.example.com/a.png', '//cdn.example.com/a.png'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:image/png;base64,AAAA', null],
    ['blob:https://x/1', null],
    ['ftp://x/a.png', null],
    ['vbscript:x', null],
  ];
  for (const [input, expected] of table)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
      void expect(safeImageUrl(input)).to.equal(expected));
  it('returns null or the input, and only when it resolves to http(s) (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          urlArb,
          fc
            .constantFrom('javascript:', 'data:', 'JaVaScRiPt:', 'file:')
            .chain((s) => fc.string().map((r) => s + r)),
        ),
        (url) => {
          const out = safeImageUrl(url);
          if (out !== null) {
            expect(out).to.equal(url);
            expect(new URL(out, 'https://host.example/').protocol).to.be.oneOf(['http:', 'https:']);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
