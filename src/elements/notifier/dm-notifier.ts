import { DmNotifier } from './dm-notifier.component.js';
import { define } from '../base/define.js';

export { DmNotifier };
export type { DmNoticeOpenEvent } from './dm-notifier.events.js';

define('dm-notifier', DmNotifier);

declare global {
  interface HTMLElementTagNameMap {
    'dm-notifier': DmNotifier;
  }
}
