/** Half of the fault-injection sessions (see fault-sessions.ts). */
import { faultInjection } from './fault-sessions.js';

faultInjection(0);
