/**
 * dm-widgets/react: React components for every `dm-*` element, made with `@lit/react`.
 *
 * Importing this module registers the elements. Properties are set as properties (so `adapter`,
 * `headers`, `strings`, `storeOptions` take objects), attributes as attributes, and each `dm-*`
 * event has a typed `on…` prop:
 *
 * ```tsx
 * import { DmProvider, DmClientList } from 'dm-widgets/react';
 * <DmProvider baseUrl="/api/dm" onAuthRequired={() => location.assign('/login')}>
 *   <DmClientList onClientSelect={(e) => open(e.detail.clientId)} />
 * </DmProvider>
 * ```
 *
 * Works with React 18 and 19 (`react` is an optional peer dependency of dm-widgets).
 */
// `@lit/react` is bundled into dist/esm/react.js (see rollup.config.mjs), and the declarations
// below name none of its types: a host gets neither it nor the `@types/react` it requires.
import { createComponent as litCreateComponent } from '@lit/react';
import type { DmCardCloseEvent } from '../elements/communications/dm-communications.events.js';
import * as React from 'react';
import {
  DmClientList as DmClientListElement,
  type DmClientSelectEvent,
} from '../elements/client-list/dm-client-list.js';
import { DmCommunications as DmCommunicationsElement } from '../elements/communications/dm-communications.js';
import {
  DmCommunicationsFeed as DmCommunicationsFeedElement,
  type DmFilterChangeEvent,
  type DmOrderOpenEvent,
} from '../elements/communications-feed/dm-communications-feed.js';
import {
  DmComposer as DmComposerElement,
  type DmMessageSentEvent,
} from '../elements/composer/dm-composer.js';
import {
  DmNotifier as DmNotifierElement,
  type DmNoticeOpenEvent,
} from '../elements/notifier/dm-notifier.js';
import {
  type DmAuthRequiredEvent,
  DmProvider as DmProviderElement,
} from '../elements/provider/dm-provider.js';
import { DmUnreadIndicator as DmUnreadIndicatorElement } from '../elements/unread-indicator/dm-unread-indicator.js';

export type {
  DmAuthRequiredEvent,
  DmCardCloseEvent,
  DmClientSelectEvent,
  DmFilterChangeEvent,
  DmMessageSentEvent,
  DmNoticeOpenEvent,
  DmOrderOpenEvent,
};

/** An event name carrying its event's type (the same shape as `@lit/react`'s `EventName`). */
export type EventName<T extends Event = Event> = string & { __eventType: T };

/** Props that name a client: `null` (and `''`) mean none. */
type IdProp = 'client' | 'clientId' | 'selected';
/**
 * The element's public properties as props. One rule for all: every prop accepts `undefined`
 * (its default; so hosts compiled with `exactOptionalPropertyTypes` can pass an optional value
 * through), and the client ids (`client`, `clientId`, `selected`) also accept `null` (none).
 */
type ElementProps<I> = {
  [K in Exclude<keyof I, keyof HTMLElement>]?:
    (K extends IdProp ? string | null : I[K]) | undefined;
};
type EventProps<E> = {
  [K in keyof E]?: (E[K] extends EventName<infer T> ? (e: T) => void : never) | undefined;
};
/** What each wrapper is: a React component whose ref is the element itself. */
export type DmReactComponent<
  I extends HTMLElement,
  E = Record<never, never>,
> = React.ForwardRefExoticComponent<
  Omit<React.HTMLAttributes<I>, keyof E | keyof ElementProps<I>> &
    EventProps<E> &
    ElementProps<I> &
    React.RefAttributes<I>
>;

/** `@lit/react`'s `createComponent`, typed with the props above. */
const createComponent = litCreateComponent as <
  I extends HTMLElement,
  E extends Record<string, EventName> = Record<never, never>,
>(options: {
  react: typeof React;
  tagName: string;
  elementClass: new () => I;
  events?: E;
  displayName?: string;
}) => DmReactComponent<I, E>;

const clientSelect = { onClientSelect: 'dm-client-select' as EventName<DmClientSelectEvent> };
const feedEvents = {
  onOrderOpen: 'dm-order-open' as EventName<DmOrderOpenEvent>,
  onFilterChange: 'dm-filter-change' as EventName<DmFilterChangeEvent>,
};
const messageSent = { onMessageSent: 'dm-message-sent' as EventName<DmMessageSentEvent> };

/** `<dm-provider>`: `onAuthRequired` ← `dm-auth-required`. */
export const DmProvider = createComponent({
  react: React,
  tagName: 'dm-provider',
  elementClass: DmProviderElement,
  events: { onAuthRequired: 'dm-auth-required' as EventName<DmAuthRequiredEvent> },
  displayName: 'DmProvider',
});

/** `<dm-client-list>`: `onClientSelect` ← `dm-client-select`. */
export const DmClientList = createComponent({
  react: React,
  tagName: 'dm-client-list',
  elementClass: DmClientListElement,
  events: clientSelect,
  displayName: 'DmClientList',
});

/** `<dm-communications-feed>`: `onOrderOpen` ← `dm-order-open` (cancelable), `onFilterChange` ← `dm-filter-change`. */
export const DmCommunicationsFeed = createComponent({
  react: React,
  tagName: 'dm-communications-feed',
  elementClass: DmCommunicationsFeedElement,
  events: feedEvents,
  displayName: 'DmCommunicationsFeed',
});

/** `<dm-composer>`: `onMessageSent` ← `dm-message-sent`. */
export const DmComposer = createComponent({
  react: React,
  tagName: 'dm-composer',
  elementClass: DmComposerElement,
  events: messageSent,
  displayName: 'DmComposer',
});

/** `<dm-unread-indicator>` (no events). */
export const DmUnreadIndicator = createComponent({
  react: React,
  tagName: 'dm-unread-indicator',
  elementClass: DmUnreadIndicatorElement,
  displayName: 'DmUnreadIndicator',
});

/** `<dm-notifier>`: `onNoticeOpen` ← `dm-notice-open`. */
export const DmNotifier = createComponent({
  react: React,
  tagName: 'dm-notifier',
  elementClass: DmNotifierElement,
  events: { onNoticeOpen: 'dm-notice-open' as EventName<DmNoticeOpenEvent> },
  displayName: 'DmNotifier',
});

const communicationsEvents = {
  ...clientSelect,
  ...feedEvents,
  ...messageSent,
  onCardClose: 'dm-card-close' as EventName<DmCardCloseEvent>,
};

/**
 * `<dm-communications>`: `onCardClose` ← `dm-card-close` (Back, or the browser's Back with
 * `syncUrl`: a host that passes `client` sets it to `null` there); the events of the list, feed and composer inside it bubble out of it, so
 * `onClientSelect`, `onOrderOpen`, `onFilterChange` and `onMessageSent` are available here too.
 */
export const DmCommunications = createComponent({
  react: React,
  tagName: 'dm-communications',
  elementClass: DmCommunicationsElement,
  events: communicationsEvents,
  displayName: 'DmCommunications',
});
