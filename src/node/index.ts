/**
 * `dm-widgets/mocks/node`: the mock backend as an HTTP server for Node (host sites' end-to-end
 * tests, the conformance kit), plus the database and handlers (everything of `dm-widgets/mocks`
 * but the service worker, which needs a browser).
 */
export { startMockServer, type StartMockServerOptions, type MockServer } from './mock-server.js';
export { runControl, type ControlAnswer } from './mock-controls.js';
export { createMockHooks } from './mock-hooks.js';
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
  type MockEvent,
  type MockFeedPage,
  type FeedQuery,
  type SearchPage,
} from '../mocks/db.js';
export { createHandlers, type HandlerOptions } from '../mocks/handlers.js';
export { MOCK_CLIENTS, MOCK_ADVISOR_ID, MOCK_ADVISOR_NAME } from '../mocks/seed.js';
