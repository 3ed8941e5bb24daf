/**
 * The kit's HTTP client: every request carries the `--header` credentials (unless a rule leaves
 * them out), has a time limit, and is logged for the schema rule. Every string that leaves the kit
 * (evidence, the JSON report) goes through {@link Redactor}.
 */
import { VerifyAbort } from './types.js';

export interface Exchange {
  method: string;
  /** URL path below the base, with the query, e.g. `/clients?limit=7`. */
  target: string;
  /** Path below the base without the query. */
  path: string;
  requestBody?: unknown;
  status: number;
  contentType: string;
  text: string;
  /** The parsed JSON body, or undefined (not JSON, or empty). `text` is redacted, this is not: never print it whole. */
  json: unknown;
  headers: Headers;
  /** Whether the credentials were sent. */
  authenticated: boolean;
}

/** Replaces credential values by `[redacted]`. */
export class Redactor {
  private secrets: string[] = [];

  constructor(headers: Record<string, string>) {
    for (const [name, value] of Object.entries(headers)) {
      const v = value.trim();
      if (!v) continue;
      this.secrets.push(v);
      // `Bearer abc` also hides `abc`; `a=1; b=2` cookies hide each value.
      const scheme = /^\w+\s+(.+)$/.exec(v);
      if (scheme?.[1]) this.secrets.push(scheme[1]);
      if (/^cookie$/i.test(name))
        for (const part of v.split(';')) {
          const eq = part.indexOf('=');
          if (eq > 0 && part.slice(eq + 1).trim()) this.secrets.push(part.slice(eq + 1).trim());
        }
    }
    this.secrets = [...new Set(this.secrets.filter((s) => s.length >= 3))].sort(
      (a, b) => b.length - a.length,
    );
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    // Cookies a server sets are credentials too.
    return out.replace(/((?:set-)?cookie:\s*)[^\n]*/gi, '$1[redacted]');
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)]),
      ) as T;
    }
    return value;
  }
}

/** Why a fetch failed, in one line; TLS and unreachable hosts named as such. */
export function describeNetworkError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `no answer from ${url} within ${timeoutMs / 1000} s`;
  const code = e?.cause?.code ?? '';
  const message = e?.cause?.message ?? e?.message ?? String(error);
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code) ||
    /certificate|ssl|tls/i.test(message)
  ) {
    return `TLS error talking to ${url}: ${code || message} (check the certificate, or use http:// for a local server)`;
  }
  if (code === 'ECONNREFUSED')
    return `cannot reach ${url}: connection refused (is the server running on that port?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot reach ${url}: unknown host`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return `cannot reach ${url}: the connection was closed (${code})`;
  return `cannot reach ${url}: ${code ? `${code} ` : ''}${message}`;
}

export class Http {
  readonly base: string;
  readonly log: Exchange[] = [];
  /** Redacts the credentials; applied to every answer's text as it arrives (before any is shortened). */
  readonly redactor: Redactor;

  constructor(
    baseUrl: string,
    private readonly headers: Record<string, string>,
    readonly timeoutMs: number,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.redactor = new Redactor(headers);
  }

  /** Whether `--header` credentials were given. */
  get hasCredentials(): boolean {
    return Object.keys(this.headers).length > 0;
  }

  url(target: string): string {
    return `${this.base}${target}`;
  }

  /** Request headers: the credentials (unless `anonymous`) and `extra`. */
  requestHeaders(extra: Record<string, string> = {}, anonymous = false): Headers {
    const h = new Headers(anonymous ? {} : this.headers);
    for (const [k, v] of Object.entries(extra)) h.set(k, v);
    return h;
  }

  /** One request; a network failure or a timeout stops the run ({@link VerifyAbort}). */
  async request(
    method: string,
    target: string,
    opts: { body?: unknown; rawBody?: string; anonymous?: boolean } = {},
  ): Promise<Exchange> {
    const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
    const headers = this.requestHeaders(
      hasBody
        ? { Accept: 'application/json', 'Content-Type': 'application/json' }
        : { Accept: 'application/json' },
      opts.anonymous,
    );
    const url = this.url(target);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
      text = await res.text();
    } catch (error) {
      throw new VerifyAbort(
        `${method} ${target}: ${describeNetworkError(error, url, this.timeoutMs)}`,
        error,
      );
    }
    const contentType = res.headers.get('content-type') ?? '';
    let json: unknown;
    if (text && /json/i.test(contentType)) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const exchange: Exchange = {
      method,
      target,
      path: target.split('?')[0]!,
      requestBody: opts.body,
      status: res.status,
      contentType,
      text: this.redactor.redact(text),
      json,
      headers: res.headers,
      authenticated: !opts.anonymous,
    };
    this.log.push(exchange);
    return exchange;
  }

  get = (target: string, opts?: { anonymous?: boolean }) => this.request('GET', target, opts);
  post = (target: string, body?: unknown) =>
    this.request('POST', target, body === undefined ? {} : { body });
}

/** `GET /clients?limit=7` style text for evidence; a body shortened to 160 characters. */
export function describeRequest(method: string, target: string, body?: unknown): string {
  if (body === undefined) return `${method} ${target}`;
  const text = JSON.stringify(body);
  return `${method} ${target} ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`;
}

/** What came back, in one line: the status and the body (shortened). */
export function describeAnswer(x: Exchange, max = 240): string {
  const body = x.text.replace(/\s+/g, ' ').trim();
  return `${x.status}${x.contentType ? ` (${x.contentType.split(';')[0]})` : ''}${body ? ` ${body.length > max ? `${body.slice(0, max - 1)}…` : body}` : ''}`;
}
