/** The shipped mock backend (`dm-widgets/mocks`): a seeded, stateful MSW mock of the whole dm API. */
export {
  MockDb,
  MockHttpError,
  CONSECUTIVE_LIMIT,
  MOCK_ROUTES,
  TYPING_MS,
  serializeEvent,
  type MockDbOptions,
  type MockRoute,
  type FailOptions,
  type MockFault,
  type MockEvent,
  type MockFeedPage,
  type FeedQuery,
  type SearchPage,
  type RequestLogEntry,
  type PresenceLogEntry,
  type TypingLogEntry,
} from './db.js';
export { createHandlers, type HandlerOptions } from './handlers.js';
export { startMockWorker, type StartMockWorkerOptions, type MockWorker } from './browser.js';
export {
  MOCK_CLIENTS,
  MOCK_ADVISOR_ID,
  MOCK_ADVISOR_NAME,
  ALL_ORDER_COMBOS,
  type MockClientKey,
} from './seed.js';
export { mulberry32, hashString, Rng } from './prng.js';
