#!/usr/bin/env node
// `npm test`: the type checks and the Node tests started together (tsc and the Node tests each
// keep about one core busy), then the browser tests (wtr) on their own: they type with real key
// presses and wait on real timers, which a machine busy with tsc makes late. The browser tests'
// output streams as it comes; each other step's output is printed in one piece when it ends.
// Exits 1 if any step failed, after a table of what each took. `npm test -- --serial` runs the
// steps one by one, stopping at the first failure, as `npm run typecheck && npm run test:node &&
// wtr` did.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './entries.mjs';

const bin = (name) => resolve(ROOT, 'node_modules/.bin', name);
// The slowest Node test files, started first (two run at a time, `--test-concurrency=2`; Node 20's
// default on two cores is one): the CLI runs and the broken servers take 10-15 s, the rest 1-7 s.
const SLOW_NODE_TESTS = ['verify-cli.test.mjs', 'broken-servers.test.mjs'];

const STEPS = [
  { name: 'tsc', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'host types', cmd: process.execPath, args: ['scripts/typecheck-host.mjs'] },
  {
    name: 'node tests',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=2', ...nodeTestFiles()],
  },
  { name: 'browser tests', cmd: bin('wtr'), args: [], stream: true, alone: true },
];

function nodeTestFiles() {
  // The files `node --test test/node/*.test.mjs` runs (the shell's glob, done here).
  const rank = (f) => (SLOW_NODE_TESTS.includes(f) ? SLOW_NODE_TESTS.indexOf(f) : Infinity);
  return readdirSync(resolve(ROOT, 'test/node'))
    .filter((f) => f.endsWith('.test.mjs'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((f) => `test/node/${f}`);
}

function run(step) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(step.cmd, step.args, {
      cwd: ROOT,
      stdio: step.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const result = { name: step.name, ok: code === 0, ms: Date.now() - started };
      if (!step.stream)
        process.stdout.write(
          `\n── ${step.name} ${result.ok ? 'passed' : 'FAILED'} ──\n${output.trimEnd()}\n`,
        );
      done(result);
    });
  });
}

const serial = process.argv.includes('--serial');
const began = Date.now();
const results = [];
if (serial) {
  for (const step of STEPS) {
    const r = await run(step);
    results.push(r);
    if (!r.ok) break;
  }
} else {
  results.push(...(await Promise.all(STEPS.filter((s) => !s.alone).map(run))));
  for (const step of STEPS.filter((s) => s.alone)) results.push(await run(step));
}
console.log('\n step            s   result');
for (const r of results)
  console.log(
    ` ${r.name.padEnd(14)}${(r.ms / 1000).toFixed(0).padStart(4)}   ${r.ok ? 'ok' : 'FAILED'}`,
  );
console.log(` ${'total'.padEnd(14)}${((Date.now() - began) / 1000).toFixed(0).padStart(4)}`);
process.exit(results.every((r) => r.ok) && results.length === STEPS.length ? 0 : 1);
