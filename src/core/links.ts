/** One piece of linkified text; `href` is set only for http(s) links. */
export interface TextSegment {
  text: string;
  href?: string;
}

const URL_RE = /https?:\/\/[^\s<>"]+/gi;

/** Trims trailing punctuation from a URL match; a `)` stays when it closes a `(` inside the URL. */
function trimUrl(url: string): string {
  for (;;) {
    const c = url[url.length - 1];
    if (c && ".,!?;:'*".includes(c)) url = url.slice(0, -1);
    else if (c === ')' && url.split('(').length < url.split(')').length) url = url.slice(0, -1);
    else return url;
  }
}

const parses = (url: string): boolean => {
  try {
    return !!new URL(url);
  } catch {
    return false;
  }
};

/** Splits plain text into text and http(s) link segments; concatenating the segments' text gives back the input. */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  const push = (s: string, href?: string) => {
    if (!s) return;
    const prev = out[out.length - 1];
    if (!href && prev && !prev.href) prev.text += s;
    else out.push(href ? { text: s, href } : { text: s });
  };
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    if (!/^https?:\/\/./i.test(url) || !parses(url)) continue;
    push(text.slice(last, m.index));
    push(url, url);
    last = m.index + url.length;
  }
  push(text.slice(last));
  return out;
}

/** The URL if it is http(s) or relative (safe as an image source), else null. */
export function safeImageUrl(url: string | null): string | null {
  // Markup-like or spaced strings are never image addresses, even where they would parse as relative paths.
  if (!url?.trim() || /[\s<>"'`\\]/.test(url)) return null;
  try {
    return /^https?:$/.test(new URL(url, 'http://base.invalid/').protocol) ? url : null;
  } catch {
    return null;
  }
}
