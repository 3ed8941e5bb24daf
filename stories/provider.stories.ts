/**
 * `<dm-provider base-url live-session locale>`: the data layer every `dm-*` element inside uses.
 * It renders nothing itself; these stories show what it changes for the elements inside.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK_CLIENTS } from '../src/mocks/index.js';
import { dmStory } from './support/story-kit.js';

type Args = Record<string, never>;

const meta: Meta<Args> = {
  title: 'Elements/dm-provider',
  component: 'dm-provider',
  // Every story's decorator is a `<dm-provider base-url="/api/dm">`; here it holds a small page.
  render: () => html`<div style="display:flex; gap: 16px; height: 100%; min-height: 0">
    <dm-client-list selected=${MOCK_CLIENTS.dana} style="width: 320px; flex: none"></dm-client-list>
    <div class="dm-card" style="flex: 1; min-width: 0">
      <dm-communications-feed client-id=${MOCK_CLIENTS.dana}></dm-communications-feed>
      <dm-composer client-id=${MOCK_CLIENTS.dana}></dm-composer>
    </div>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const ElementsInside: Story = {
  name: 'Separate elements sharing one provider',
  ...dmStory({ height: '600px' }),
};

/** Strings are replaceable: a (partial) French table on the provider. */
export const Localized: Story = {
  name: 'Replaced strings (French, partial) and locale',
  ...dmStory({
    height: '600px',
    locale: 'fr-FR',
    strings: {
      searchLabel: 'Rechercher un client',
      searchPlaceholder: 'Rechercher par nom',
      filterLabel: 'Afficher',
      filterAll: 'Tout',
      filterOrders: 'Commandes',
      filterMessages: 'Messages',
      send: 'Envoyer',
      placeholder: 'Votre message…',
      newDivider: 'Nouveau',
      you: 'Vous',
      today: 'Aujourd’hui',
      yesterday: 'Hier',
    },
  }),
};

export const AdvisorSuspended: Story = {
  name: 'Advisor suspended (every card blocked)',
  ...dmStory({ height: '600px', db: { advisorStatus: 'suspended' } }),
};
