import { DmClientList } from './dm-client-list.component.js';
import { define } from '../base/define.js';

export { DmClientList };
export type { DmClientSelectEvent } from './dm-client-list.events.js';

define('dm-client-list', DmClientList);

declare global {
  interface HTMLElementTagNameMap {
    'dm-client-list': DmClientList;
  }
}
