// Serves test/security/csp-page.html with a strict Content-Security-Policy: scripts only from
// this origin (no inline, no eval), no inline style attributes, and Trusted Types required for
// every DOM injection sink.
// Lit creates its own "lit-html" policy; nothing else may.
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "img-src 'self' https: data:",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export function cspMiddleware(context, next) {
  if (context.path === '/test/security/csp-page.html')
    context.set('Content-Security-Policy', STRICT_CSP);
  return next();
}
