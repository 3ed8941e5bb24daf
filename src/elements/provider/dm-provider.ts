import { DmProvider } from './dm-provider.component.js';
import { define } from '../base/define.js';

export { DmProvider };
export type { DmAuthRequiredEvent } from './dm-provider.component.js';

define('dm-provider', DmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dm-provider': DmProvider;
  }
}
