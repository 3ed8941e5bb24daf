// A classic script in <head>: collects policy violations from the start of parsing (the module
// script runs only after the document is parsed, too late for a violation in the markup).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
);
