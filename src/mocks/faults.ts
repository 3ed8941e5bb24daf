/** Latency, reply delays, queued faults and the offline switch of the mock (per route). */
import type { FailOptions, MockFault, MockRoute } from './types.js';

export class FaultControls {
  offline = false;
  private latency = new Map<MockRoute | '*', number>();
  private replyDelay = new Map<MockRoute, number>();
  private faults = new Map<MockRoute | '*', MockFault[]>();

  setLatency(ms: number, route?: MockRoute): void {
    this.latency.set(route ?? '*', Math.max(0, ms));
  }

  latencyFor(route: MockRoute): number {
    return this.latency.get(route) ?? this.latency.get('*') ?? 0;
  }

  setReplyDelay(ms: number, route: MockRoute): void {
    this.replyDelay.set(route, Math.max(0, ms));
  }

  replyDelayFor(route: MockRoute): number {
    return this.replyDelay.get(route) ?? 0;
  }

  /** Queues `times` copies of a fault for one route, or for whichever routes come next (`'*'`). */
  queue(route: MockRoute | '*', times: number, fault: MockFault): void {
    const list = this.faults.get(route) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(route, list);
  }

  /** The next fault for a request of `route`: the route's own queue first, then the any-route queue. */
  take(route: MockRoute): MockFault | undefined {
    return this.faults.get(route)?.shift() ?? this.faults.get('*')?.shift();
  }

  clear(): void {
    this.offline = false;
    this.latency.clear();
    this.replyDelay.clear();
    this.faults.clear();
  }
}

export type { FailOptions, MockFault };
