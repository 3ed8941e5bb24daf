/**
 * Every story of `stories/*.stories.ts` is rendered the way Storybook does and fails on an
 * exception, a `console.error` or an axe violation (test/stories/story-check.ts); this file checks
 * the provider's, the client list's, the composer's and the unread indicator's, the other files of
 * this folder the rest. It also prints how many stories each element has and asserts a minimum
 * (and the states the product requires by name), so removing a story is caught.
 */
import { expect } from '@open-wc/testing';
import * as clientList from '../../stories/client-list.stories.js';
import * as communications from '../../stories/communications.stories.js';
import * as feed from '../../stories/communications-feed.stories.js';
import * as feedSearch from '../../stories/feed-search.stories.js';
import * as composer from '../../stories/composer.stories.js';
import * as notifier from '../../stories/notifier.stories.js';
import * as provider from '../../stories/provider.stories.js';
import * as unreadIndicator from '../../stories/unread-indicator.stories.js';
import { checkStories, storiesOf, useStoryWorker, type MetaLike } from './story-check.js';

/** Each stories module, the element it documents, the fewest stories it may have, and required names. */
const MODULES: Array<{ module: Record<string, unknown>; min: number; required: string[] }> = [
  { module: provider, min: 3, required: [] },
  {
    module: clientList,
    min: 12,
    required: [
      'Loading',
      'Empty (no clients yet)',
      'Error with retry',
      'Signed out (401)',
      'Selected client',
      'Phone width',
      'Dark theme',
    ],
  },
  {
    module: feed,
    min: 25,
    required: [
      'Loading',
      'Empty (no history)',
      'Error with retry',
      'Signed out (401)',
      'Filter: all',
      'Filter: orders (every order type and status)',
      'Filter: messages',
      'Order details',
      'New message arrives (live)',
      'Emoji',
      'Right-to-left text',
      'Phone width',
      'Dark theme',
      'Custom theme (--dm-* and ::part)',
    ],
  },
  {
    module: feedSearch,
    min: 7,
    required: [
      'Search: results',
      'Search: no hits',
      'Search: failed, with Retry',
      'Jumped far back (2,000 items)',
      'Back to latest',
      'Search: a 1.0 server (box hidden)',
    ],
  },
  {
    module: composer,
    min: 14,
    required: [
      'Blocked: suspended',
      'Blocked: rejected',
      'Blocked: needs improvement',
      'Blocked: negative review',
      'Blocked: 5 in a row',
      'One message left',
      'Failed send',
    ],
  },
  {
    module: unreadIndicator,
    min: 6,
    required: ['Unread (dot)', 'No unread (no bubble)', 'New message arrives (live)'],
  },
  {
    module: notifier,
    min: 7,
    required: [
      'New message notice',
      'Several messages from one client (folded, with a count)',
      'Missed while the stream was down (noticed on reconnect)',
      'During a live session (held)',
      'After a live session (released)',
    ],
  },
  {
    module: communications,
    min: 18,
    required: [
      'Loading',
      'Empty (no clients yet)',
      'Error with retry',
      'Phone width: list',
      'Phone width: card (with Back)',
      'Dark theme',
      'New message arrives (live)',
    ],
  },
];

useStoryWorker();

describe('stories', function () {
  this.timeout(40_000);

  it('has the required stories for every element', () => {
    let total = 0;
    const counts: string[] = [];
    for (const { module, min, required } of MODULES) {
      const meta = module.default as MetaLike;
      const stories = storiesOf(module);
      total += stories.length;
      counts.push(`${meta.component}: ${stories.length}`);
      expect(stories.length, `${meta.component} stories`).to.be.at.least(min);
      const names = stories.map(([key, s]) => s.name ?? key);
      for (const name of required)
        expect(names, `${meta.component} must have a story "${name}"`).to.include(name);
    }
    console.log(`Stories per element: ${counts.join(', ')}; total ${total}`);
    expect(total).to.be.at.least(MODULES.reduce((n, m) => n + m.min, 0));
  });

  // The other stories are checked by the other files of this folder (one run each, side by side).
  for (const module of [provider, clientList, composer, unreadIndicator]) checkStories(module);
});
