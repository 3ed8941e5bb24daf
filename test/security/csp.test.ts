import { expect } from '@open-wc/testing';

interface CspReport {
  trustedTypesEnforced: boolean;
  rows: number;
  items: number;
  composerReady: boolean;
  payloads: number;
  executed: string[];
  injected: string[];
  violations: string[];
  errors: string[];
}

describe('strict Content Security Policy and Trusted Types', () => {
  it('renders every element, with hostile data, and breaks no policy', async () => {
    const csp = await (
      await fetch('/test/security/csp-page.html')
    ).headers.get('Content-Security-Policy');
    expect(csp, 'the page is served with the policy').to.contain(
      "require-trusted-types-for 'script'",
    );
    const scriptSrc = csp!
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc, 'scripts only from this origin: no inline, no eval').to.equal(
      "script-src 'self'",
    );
    const styleSrc = csp!
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('style-src'));
    expect(styleSrc, 'no inline style attributes either').to.equal("style-src 'self'");

    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1000px;height:700px;border:0';
    const report = new Promise<CspReport>((resolve) => {
      window.addEventListener('message', function onMessage(e) {
        if (e.data?.type !== 'csp-report') return;
        window.removeEventListener('message', onMessage);
        resolve(e.data as CspReport);
      });
    });
    frame.src = '/test/security/csp-page.html';
    document.body.append(frame);
    try {
      const r = await report;
      console.log(
        `CSP page: ${r.rows} clients, ${r.items} feed items, ${r.payloads} payloads, ${r.executed.length} executed, ${r.violations.length} violations`,
      );
      expect(r.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
      expect(r.errors, 'uncaught errors').to.deep.equal([]);
      expect(r.executed).to.deep.equal([]);
      expect(r.injected).to.deep.equal([]);
      expect(r.rows).to.be.greaterThan(3);
      expect(r.items).to.be.greaterThan(3);
      expect(r.composerReady).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
