/** The Node entries embed the OpenAPI file as text (esbuild's `text` loader, scripts/node-entries.mjs). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
