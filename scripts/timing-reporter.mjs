// A @web/test-runner reporter that prints each test file's wall time (from its page being opened
// to its results being in) and the sum of its tests' own durations, slowest first, so a slow or
// stalling file is easy to find. Prints only when DM_TIMINGS=1 (`DM_TIMINGS=1 npx wtr`).

function eachTest(suite, fn, path = []) {
  for (const t of suite?.tests ?? []) fn(t, [...path, t.name].join(' > '));
  for (const s of suite?.suites ?? []) eachTest(s, fn, [...path, s.name]);
}

function testTime(suite) {
  let ms = 0;
  for (const t of suite?.tests ?? []) ms += t.duration ?? 0;
  for (const s of suite?.suites ?? []) ms += testTime(s);
  return ms;
}

export function timingReporter() {
  const began = new Map();
  let startedAt = Date.now();
  const rows = [];
  const tests = [];
  return {
    start({ sessions }) {
      if (process.env.DM_TIMINGS !== '1') return;
      startedAt = Date.now();
      sessions.on('session-status-updated', (session) => {
        if (session.status === 'INITIALIZING') began.set(session.id, Date.now());
        else if (session.status === 'FINISHED') {
          rows.push({
            file: session.testFile.replace(`${process.cwd()}/`, ''),
            // A file can start before the reporter does (a run of one file): count from the run's start.
            wall: Date.now() - (began.get(session.id) ?? startedAt),
            tests: testTime(session.testResults),
          });
          began.delete(session.id);
          eachTest(session.testResults, (t, name) =>
            tests.push({
              name: `${session.testFile.replace(`${process.cwd()}/`, '')}: ${name}`,
              ms: t.duration ?? 0,
            }),
          );
        }
      });
    },
    stop() {
      if (process.env.DM_TIMINGS !== '1') return;
      rows.sort((a, b) => b.wall - a.wall);
      const s = (ms) => (ms / 1000).toFixed(1).padStart(6);
      console.log('\n wall s  tests s  file');
      for (const r of rows) console.log(`${s(r.wall)}   ${s(r.tests)}  ${r.file}`);
      console.log(`${s(rows.reduce((a, r) => a + r.wall, 0))}            sum of wall times`);
      tests.sort((a, b) => b.ms - a.ms);
      console.log('\n test s  slowest tests');
      for (const t of tests.slice(0, 25)) console.log(`${s(t.ms)}  ${t.name}`);
    },
  };
}
