// A @web/test-runner command: `executeServerCommand('dm-forced-colors', { active })` turns the
// browser's forced-colors (Windows High Contrast) emulation on or off for the calling test page.
// @web/test-runner-commands' emulateMedia only does that under Playwright; we run Puppeteer.
export function forcedColorsPlugin() {
  // The emulation lasts as long as the DevTools session that set it: one is kept per test page.
  const sessions = new Map();
  return {
    name: 'dm-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dm-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(session.id);
      if (!cdp) sessions.set(session.id, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
