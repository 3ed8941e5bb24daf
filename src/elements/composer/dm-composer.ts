import { DmComposer } from './dm-composer.component.js';
import { define } from '../base/define.js';

export { DmComposer, MAX_MESSAGE_LENGTH } from './dm-composer.component.js';
export type { DmMessageSentEvent } from './dm-composer.events.js';

define('dm-composer', DmComposer);

declare global {
  interface HTMLElementTagNameMap {
    'dm-composer': DmComposer;
  }
}
