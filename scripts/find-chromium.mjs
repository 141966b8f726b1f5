// Finds a Chromium for the end-to-end tests, installing one when none is present.
// Order: $CHROMIUM_PATH, an installed Chromium, Playwright's own download; when none is found,
// Debian's `chromium` package (as root on Debian), else `npx playwright install chromium`.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const systemCandidates = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

function playwrightOwn() {
  try {
    const { chromium } = require('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function installed() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) {
      return { path: process.env.CHROMIUM_PATH, how: 'CHROMIUM_PATH' };
    }
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  }
  for (const path of systemCandidates) {
    if (existsSync(path)) return { path, how: 'installed on this machine' };
  }
  const own = playwrightOwn();
  if (own) return { path: own, how: "Playwright's own download" };
  return undefined;
}

function isDebian() {
  return (
    existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(readSafe('/etc/os-release'))
  );
}

function readSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function run(cmd, args, env) {
  console.log(`[chromium] $ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Returns the path of a Chromium binary, installing one if needed. */
export function findChromium() {
  const found = installed();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebian()) {
    console.log("[chromium] none found: installing Debian's chromium package with apt-get");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env)) {
      run('apt-get', ['update'], env);
      if (!run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env)) {
        throw new Error('apt-get could not install chromium');
      }
    }
  } else {
    console.log("[chromium] none found: running Playwright's browser install");
    if (!run('npx', ['playwright', 'install', 'chromium'])) {
      throw new Error('npx playwright install chromium failed');
    }
  }
  const after = installed();
  if (!after) throw new Error('No Chromium found even after installing one.');
  return { ...after, how: `${after.how} (just installed)` };
}

function version(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20000 }).trim();
  } catch {
    return 'version unknown';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path, how } = findChromium();
  console.log(`[chromium] using ${path} (${how}): ${version(path)}`);
}

export { version as chromiumVersion };
