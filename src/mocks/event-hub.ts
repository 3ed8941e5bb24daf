/** The mock's event log behind `GET /events`: numbered events, live listeners, open streams. */
import type { MockEvent } from './types.js';

/** Serialises one event in `text/event-stream` format. */
export function serializeEvent(e: MockEvent): string {
  const text = e.raw ? String(e.data) : JSON.stringify(e.data);
  const data = text
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n');
  return `id: ${e.id}\nevent: ${e.event}\n${data}\n\n`;
}

export class EventHub {
  /** Every event emitted since the last {@link clear}, oldest first. */
  log: MockEvent[] = [];
  private seq = 0;
  private listeners = new Set<(event: MockEvent) => void>();
  private connections = new Set<{ close(): void }>();

  emit(event: string, data: unknown, raw = false): MockEvent {
    const e: MockEvent = { id: ++this.seq, event, data, raw };
    this.log.push(e);
    for (const listener of [...this.listeners]) listener(e);
    return e;
  }

  subscribe(listener: (event: MockEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  since(lastEventId: number): MockEvent[] {
    return this.log.filter((e) => e.id > lastEventId);
  }

  get lastId(): number {
    return this.seq;
  }

  register(connection: { close(): void }): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  get open(): number {
    return this.connections.size;
  }

  dropConnections(): void {
    for (const c of [...this.connections]) c.close();
    this.connections.clear();
  }

  /** Empties the log; ids keep increasing. */
  clear(): void {
    this.log = [];
  }
}
