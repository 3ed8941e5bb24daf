import { define } from '../base/define.js';
import { DmCommunications } from './dm-communications.component.js';

export { DmCommunications };
export type { DmCardCloseEvent } from './dm-communications.events.js';

define('dm-communications', DmCommunications);

declare global {
  interface HTMLElementTagNameMap {
    'dm-communications': DmCommunications;
  }
}
