// PLACEHOLDER: proves the Storybook setup builds; delete it once real stories exist.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = { title: 'Setup/Placeholder' };
export default meta;

export const Placeholder: StoryObj = {
  render: () => html`<p>Storybook is set up; the element stories come next.</p>`,
};
