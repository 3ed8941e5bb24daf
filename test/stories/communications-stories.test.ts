/** The composed tab's (dm-communications) stories: see story-check.ts. */
import * as communications from '../../stories/communications.stories.js';
import { checkStories, useStoryWorker } from './story-check.js';

useStoryWorker();

describe('stories', function () {
  this.timeout(40_000);
  checkStories(communications);
});
