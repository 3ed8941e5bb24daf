/**
 * `npx dm-widgets mock-server [--port 8787] [--host 127.0.0.1] [--base /api/dm] [--seed 42] [--token T] [--ping-ms 15000]`:
 * the seeded mock backend on a port, with its controls on `/__mock/*` (docs/mocks.md).
 */
import { startMockServer } from './mock-server.js';

const USAGE = `Usage: dm-widgets mock-server [--port 8787] [--host 127.0.0.1] [--base /api/dm] [--seed 42] [--token TOKEN] [--ping-ms 15000]

  The dm API mock (seeded, stateful) as an HTTP server; controls on /__mock/* (see docs/mocks.md).
  --token TOKEN    require Authorization: Bearer TOKEN on every API request
  --ping-ms MS     longest silence of an event stream before a ": ping" comment`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'mock-server') {
    process.stderr.write(
      `${command && command !== '--help' ? `dm-widgets: unknown command ${command}\n` : ''}${USAGE}\n`,
    );
    return command === '--help' ? 0 : 2;
  }
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const m = /^--(port|host|base|seed|token|ping-ms)(?:=(.*))?$/.exec(a);
    if (!m) {
      process.stderr.write(`dm-widgets mock-server: unknown option ${a}\n${USAGE}\n`);
      return 2;
    }
    opts[m[1]!] = m[2] ?? rest[++i] ?? '';
  }
  const num = (v: string | undefined, fallback: number) =>
    v === undefined || v === '' ? fallback : Number(v);
  const server = await startMockServer({
    port: num(opts.port, 8787),
    host: opts.host || '127.0.0.1',
    basePath: opts.base || '/api/dm',
    token: opts.token || undefined,
    dbOptions: { seed: num(opts.seed, 42), pingIntervalMs: num(opts['ping-ms'], 15_000) },
  });
  process.stdout.write(
    [
      `dm-widgets mock server: ${server.url}`,
      `  controls:  ${server.origin}/__mock/… (docs/mocks.md)`,
      `  verify it: npx dm-widgets-verify ${server.url} --client c-dana --hooks dm-widgets/mocks/hooks${opts.token ? ' --header "Authorization: Bearer …"' : ''}`,
      '  Ctrl+C stops it.',
      '',
    ].join('\n'),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

export async function run(): Promise<void> {
  try {
    const code = await main(process.argv.slice(2));
    process.exitCode = code;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    process.stderr.write(
      `dm-widgets mock-server: cannot start: ${e.code === 'EADDRINUSE' ? 'the port is in use (--port)' : e.message}\n`,
    );
    process.exitCode = 2;
  }
}
