/**
 * A style string for Lit's `.style=${…}` property binding. Assigning a string to `element.style`
 * sets its `cssText` through the CSSOM, which a strict CSP allows (a `style` attribute it would
 * block); lit-analyzer types the property as `CSSStyleDeclaration`, hence the cast.
 */
export const inlineStyle = (css: string): CSSStyleDeclaration =>
  css as unknown as CSSStyleDeclaration;
