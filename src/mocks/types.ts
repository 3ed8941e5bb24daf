/** Types shared by the mock backend's parts (database, paging, events, faults, handlers). */
import type { AdvisorStatus, BlockReason, FeedItem, FeedPage, Presence } from '../core/types.js';

/** Options of {@link MockDb}. */
export interface MockDbOptions {
  /** PRNG seed of all generated data (default 42). */
  seed?: number;
  /** Epoch ms all seeded timestamps are relative to (default: `Date.now()` rounded down to the minute). */
  now?: number;
  /** The advisor's initial status (default `active`). */
  advisorStatus?: AdvisorStatus;
  /** Number of clients, well-known ones included (default 64). */
  clientCount?: number;
  /** `empty`: no clients at all. */
  scenario?: 'default' | 'empty';
  /** URL prefix of the avatar images the mock serves (default `/api/dm/__avatars`). */
  avatarBase?: string;
  /** Longest silence on an open event stream before a `: ping` comment (default 15,000 ms). */
  pingIntervalMs?: number;
}

/** Route keys used by latency and fault controls. */
export type MockRoute =
  | 'me'
  | 'clients'
  | 'client'
  | 'feed'
  | 'send'
  | 'eligibility'
  | 'read'
  | 'order'
  | 'unread'
  | 'presence'
  | 'events'
  | 'avatar'
  | 'search'
  | 'typing';

export const MOCK_ROUTES: readonly MockRoute[] = [
  'me',
  'clients',
  'client',
  'feed',
  'send',
  'eligibility',
  'read',
  'order',
  'unread',
  'presence',
  'events',
  'avatar',
  'search',
  'typing',
];

/** Options of {@link MockDb.failNext}. */
export interface FailOptions {
  /** For 429 (default 1) or any status: the `Retry-After` header in seconds. */
  retryAfterSeconds?: number;
  /** Replaces the whole JSON body. */
  body?: unknown;
  /** For 403: the block reason put beside the error. */
  reason?: BlockReason;
  /** The error code (default derived from the status). */
  code?: string;
}

/** One queued fault. */
export type MockFault =
  | { kind: 'status'; status: number; options: FailOptions }
  | { kind: 'malformed' }
  | { kind: 'invalid'; mutate?: (body: unknown) => unknown }
  | { kind: 'network' };

/** One entry of the event log (`GET /events`). */
export interface MockEvent {
  /** The SSE `id:`. */
  id: number;
  /** The SSE `event:` name. */
  event: string;
  /** The payload: serialised as JSON, or written as-is when `raw`. */
  data: unknown;
  raw: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  search: string;
  route: MockRoute;
  at: number;
}

export interface PresenceLogEntry extends Presence {
  at: number;
}

/** One `POST /clients/{id}/typing` the advisor's widget sent. */
export interface TypingLogEntry {
  clientId: string;
  at: number;
}

/** A feed page as the mock answers it (contract 1.1: `newerCursor` on around/after pages, `clientReadAt` always). */
export interface MockFeedPage extends FeedPage {
  newerCursor?: string | null;
  clientReadAt: string | null;
}

/** Which page of a feed to answer: at most one of `before`, `after`, `around`. */
export interface FeedQuery {
  type: 'all' | 'orders' | 'messages';
  limit: number;
  before?: string | null;
  after?: string | null;
  around?: string | null;
}

/** `GET /clients/{id}/search` (contract 1.1). */
export interface SearchPage {
  hits: FeedItem[];
  nextCursor: string | null;
}

/** A failure the handlers turn into an error response. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
