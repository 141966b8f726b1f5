// `npm run bench`: runs every bench/*.bench.ts (engine benchmarks in Node through tsx, browser
// benchmarks in headless Chromium), prints a table per benchmark and writes all figures as JSON to
// bench/results/latest.json. Benchmarks print numbers; they never fail on a slow machine.
import { readdirSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
mkdirSync('bench/results', { recursive: true });
const all = {};
let failed = 0;
for (const file of files) {
  const out = join('bench/results', `${file.replace(/\.bench\.ts$/, '')}.json`);
  if (existsSync(out)) rmSync(out);
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      join('bench', file),
      out,
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0 || !existsSync(out)) {
    failed += 1;
    console.error(`${file} did not finish (exit ${run.status})`);
    continue;
  }
  all[file] = JSON.parse(readFileSync(out, 'utf8'));
}
const summary = { machine: { node: process.version, platform: process.platform }, results: all };
writeFileSync('bench/results/latest.json', `${JSON.stringify(summary, null, 2)}\n`);
console.log('\nJSON (also in bench/results/latest.json):');
console.log(JSON.stringify(summary));
process.exit(failed ? 1 : 0);
