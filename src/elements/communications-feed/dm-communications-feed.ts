import { define } from '../base/define.js';
import { DmCommunicationsFeed } from './dm-communications-feed.component.js';

export { DmCommunicationsFeed };
export type { DmFilterChangeEvent, DmOrderOpenEvent } from './dm-communications-feed.component.js';

define('dm-communications-feed', DmCommunicationsFeed);

declare global {
  interface HTMLElementTagNameMap {
    'dm-communications-feed': DmCommunicationsFeed;
  }
}
