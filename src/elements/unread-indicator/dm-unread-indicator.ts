import { DmUnreadIndicator } from './dm-unread-indicator.component.js';
import { define } from '../base/define.js';

export { DmUnreadIndicator };

define('dm-unread-indicator', DmUnreadIndicator);

declare global {
  interface HTMLElementTagNameMap {
    'dm-unread-indicator': DmUnreadIndicator;
  }
}
