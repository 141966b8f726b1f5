// Runs the end-to-end tests in Chromium: finds (or installs) a browser, builds the app if there is
// no build yet, then runs Playwright, which serves the build with `vite preview`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium, chromiumVersion } from './find-chromium.mjs';

const { path, how } = findChromium();
console.log(`[e2e] browser: ${path} (${how}): ${chromiumVersion(path)}`);

if (!existsSync('dist/index.html')) {
  console.log('[e2e] no build found: running npm run build');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: path },
});
process.exit(result.status ?? 1);
