/**
 * Type test (compiled by `npm run typecheck` under strict + exactOptionalPropertyTypes): one rule
 * for every id and option prop, on the elements and on the React wrappers. Id props (`client`,
 * `clientId`, `selected`) take `string | null | undefined`; every option prop takes `undefined`
 * (its default), so a host can pass an optional value straight through.
 */
import type {
  DmClientList,
  DmCommunications,
  DmCommunicationsFeed,
  DmComposer,
  DmNotifier,
  DmProvider,
  DmUnreadIndicator,
} from 'dm-widgets';
import {
  DmClientList as ReactClientList,
  DmCommunications as ReactCommunications,
  DmCommunicationsFeed as ReactFeed,
  DmComposer as ReactComposer,
  DmNotifier as ReactNotifier,
  DmProvider as ReactProvider,
  DmUnreadIndicator as ReactIndicator,
} from 'dm-widgets/react';

declare const maybeId: string | undefined;
declare const maybeLocale: string | undefined;
declare const id: string | null;

export function Props() {
  return (
    <ReactProvider
      baseUrl={undefined}
      locale={maybeLocale}
      credentials={undefined}
      headers={undefined}
      adapter={undefined}
      storeOptions={undefined}
      strings={undefined}
      liveSession={undefined}
    >
      <ReactCommunications
        client={null}
        syncUrl={undefined}
        filter={undefined}
        onCardClose={(e) => e.detail.clientId.toUpperCase()}
      />
      <ReactCommunications client={maybeId} />
      <ReactCommunications client={id} />
      <ReactFeed clientId={null} filter={undefined} />
      <ReactFeed clientId={maybeId} />
      <ReactComposer clientId={null} />
      <ReactComposer clientId={maybeId} />
      <ReactClientList selected={null} />
      <ReactClientList selected={maybeId} onClientSelect={undefined} />
      <ReactNotifier duration={undefined} max={undefined} />
      <ReactIndicator showCount={undefined} />
      {/* Wrong types still fail: the props are not `any`. */}
      {/* @ts-expect-error a client id is a string */}
      <ReactFeed clientId={42} />
      {/* @ts-expect-error only the three filters */}
      <ReactFeed filter="unread" />
      {/* @ts-expect-error an id is not a number */}
      <ReactCommunications client={7} />
      {/* @ts-expect-error the element has no such prop */}
      <ReactIndicator count={3} />
    </ReactProvider>
  );
}

export function elements(
  p: DmProvider,
  tab: DmCommunications,
  feed: DmCommunicationsFeed,
  composer: DmComposer,
  list: DmClientList,
  n: DmNotifier,
  u: DmUnreadIndicator,
) {
  p.locale = maybeLocale;
  p.baseUrl = undefined;
  p.headers = undefined;
  tab.client = null;
  tab.client = maybeId;
  tab.filter = undefined;
  feed.clientId = null;
  feed.clientId = maybeId;
  feed.filter = undefined;
  composer.clientId = maybeId;
  list.selected = maybeId;
  n.duration = undefined;
  u.showCount = undefined;
  // Reads of a defaulted prop stay narrow where the element normalizes the value.
  const filter: 'all' | 'orders' | 'messages' = feed.filter;
  const clientId: string = feed.clientId;
  return [filter, clientId];
}
