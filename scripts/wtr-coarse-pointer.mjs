// A @web/test-runner command: `executeServerCommand('dm-coarse-pointer', { active })` makes the
// calling test page a touch screen: `(pointer: coarse)` and `(hover: none)` match, as on a phone.
// Chromium's Emulation.setEmulatedMedia ignores `pointer`; its touch emulation (what DevTools'
// device mode uses) switches the primary pointer to coarse.
export function coarsePointerPlugin() {
  // The emulation lasts as long as the DevTools session that set it: one is kept per test page.
  const sessions = new Map();
  return {
    name: 'dm-coarse-pointer',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dm-coarse-pointer') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(session.id);
      if (!cdp) sessions.set(session.id, (cdp = await page.createCDPSession()));
      const active = Boolean(payload?.active);
      await cdp.send(
        'Emulation.setTouchEmulationEnabled',
        active ? { enabled: true, maxTouchPoints: 5 } : { enabled: false },
      );
      return true;
    },
  };
}
