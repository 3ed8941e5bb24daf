/** The feed search's and the notifier's stories: see story-check.ts. */
import * as feedSearch from '../../stories/feed-search.stories.js';
import * as notifier from '../../stories/notifier.stories.js';
import { checkStories, useStoryWorker } from './story-check.js';

useStoryWorker();

describe('stories', function () {
  this.timeout(40_000);
  checkStories(feedSearch);
  checkStories(notifier);
});
