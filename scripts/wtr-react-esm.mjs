// A @web/test-runner plugin that serves React as ES modules for test/react/. React ships CommonJS
// only: esbuild bundles `react`, `react-dom` and `react-dom/client` into ONE module (one copy of
// React), and each bare specifier is answered by a small shim re-exporting the default and every
// named export (names read from the CommonJS modules in Node). Nothing else is transformed.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const PREFIX = '/__react-esm/';
const SPECIFIERS = {
  react: 'React',
  'react-dom': 'ReactDOM',
  'react-dom/client': 'ReactDOMClient',
};
const file = (spec) => `${PREFIX}${spec.replace('/', '__')}.js`;

let bundle;
function reactBundle() {
  bundle ??= build({
    stdin: {
      contents: Object.entries(SPECIFIERS)
        .map(([spec, name]) => `import ${name} from '${spec}';`)
        .concat(`export { ${Object.values(SPECIFIERS).join(', ')} };`)
        .join('\n'),
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

let exportNames;
/** The export names of each CommonJS module, read in a separate Node (the runner patches `console`, which React touches). */
function namesOf(spec) {
  exportNames ??= JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-e',
        `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(Object.keys(SPECIFIERS))}.map((s) => [s, Object.keys(require(s))]))))`,
      ],
      { encoding: 'utf8' },
    ),
  );
  return exportNames[spec];
}

function shim(spec) {
  const name = SPECIFIERS[spec];
  const keys = namesOf(spec).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  return `import { ${name} } from '${PREFIX}bundle.js';\nexport default ${name};\nexport const { ${keys.join(', ')} } = ${name};\n`;
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function reactEsmPlugin() {
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return source in SPECIFIERS ? file(source) : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.path === `${PREFIX}bundle.js`) return { body: await reactBundle(), type: 'js' };
      const spec = Object.keys(SPECIFIERS).find((s) => file(s) === context.path);
      return spec ? { body: shim(spec), type: 'js' } : undefined;
    },
  };
}
