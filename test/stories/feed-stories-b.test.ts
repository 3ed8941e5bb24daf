/** Half of the feed's stories (the odd ones; feed-stories-a has the even): see story-check.ts. */
import * as feed from '../../stories/communications-feed.stories.js';
import { checkStories, useStoryWorker } from './story-check.js';

useStoryWorker();

describe('stories', function () {
  this.timeout(40_000);
  checkStories(feed, (i) => i % 2 === 1);
});
