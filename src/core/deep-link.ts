/** The query parameter that names the client card to open (`?dm-client=ID`). */
export const DEEP_LINK_PARAM = 'dm-client';

const BASE = 'http://base.invalid';
const isAbsolute = (url: string) => /^[a-z][a-z\d+.-]*:/i.test(url);

/** The page URL with `?dm-client=ID` set, other query params and the hash kept; root-relative input gives root-relative output. */
export function clientCardUrl(
  pageUrl: string | URL,
  clientId: string,
  param = DEEP_LINK_PARAM,
): string {
  const url = new URL(pageUrl, BASE);
  url.searchParams.set(param, clientId);
  return isAbsolute(String(pageUrl)) ? url.href : url.pathname + url.search + url.hash;
}

/** The client id a URL's `?dm-client=` names, or null when absent, empty or the URL is malformed. */
export function clientIdFromUrl(url: string | URL, param = DEEP_LINK_PARAM): string | null {
  try {
    return new URL(url, BASE).searchParams.get(param) || null;
  } catch {
    return null;
  }
}
