// Frame times of the harbor canvas in headless Chromium (software WebGL), against `vite preview` of
// the production build. For each fleet, the page is loaded, the fleet is set up through
// window.shipshape (paused, not measured), then playback runs at 1× while containers are scaled up
// and down and crashed, and the page records requestAnimationFrame deltas. Prints a table and
// writes JSON to the path in argv[2]. Never fails on a slow machine.
//
// Usage: node --import tsx bench/render.bench.ts [out.json]   (or `npm run bench render`)
// Env: BENCH_SECONDS (measured seconds per fleet, default 12), BENCH_ONLY (substring of a fleet
// name), BENCH_NO_BUILD=1 (reuse dist/), BENCH_SYNTHETIC=0 (skip the renderer-only rows),
// BENCH_VIEWPORT=WxH (default 1280x800).
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { findChromium } from '../scripts/find-chromium.mjs';

/** STACK.md: these flags, and never --use-angle=swiftshader (it slows page compositing ~3×). */
const FLAGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const VITE = 'node_modules/vite/bin/vite.js';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
/** Window size (BENCH_VIEWPORT=800x600 compares with STACK.md's reference figures). */
const [VIEW_W, VIEW_H] = (process.env.BENCH_VIEWPORT ?? '1280x800').split('x').map(Number) as [
  number,
  number,
];
const WARMUP_MS = 2_000;

type Fleet = {
  name: string;
  /** Cargo ships (the control ship comes on top). */
  ships: number;
  /** Containers to run (0: the default classroom fleet with a handful). */
  containers: number;
  /** Target p95 frame time (ms). */
  target: number;
};

const FLEETS: Fleet[] = [
  { name: 'classroom fleet (3 ships)', ships: 3, containers: 0, target: 16.7 },
  { name: '2,000 containers on 50 ships', ships: 50, containers: 2_000, target: 16.7 },
  { name: '10,000 containers on 50 ships', ships: 50, containers: 10_000, target: 33 },
];

/** What a full-window redraw costs here at all: a still picture redrawn every frame. */
const FLOOR: Fleet = {
  name: 'floor: still picture, redrawn each frame',
  ships: 3,
  containers: 0,
  target: 16.7,
};

type Row = {
  fleet: string;
  driver: 'engine' | 'synthetic' | 'floor';
  view: string;
  containers: number;
  running: number;
  setupSeconds: number;
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  over33: number;
  /** The canvas's own work per frame (scene update + render call), ms. */
  sceneP50: number;
  sceneP95: number;
  /** One store refresh after time moved (engine step + snapshot rebuild), ms: paid ~10×/s while playing. */
  snapshotMs: number;
  target: number;
  meetsTarget: boolean;
  note?: string;
};

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  // Node runs vite directly (no npx wrapper), so killing this pid stops the server itself.
  const child = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}/?scenario=sandbox`;
  for (let i = 0; i < 300; i += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

function shipSpecs(count: number, containers: number) {
  const maxPods = Math.max(110, Math.ceil((containers / Math.max(1, count)) * 1.5));
  return [
    { name: 'control-plane', role: 'control', cpu: '4', memory: '8Gi' },
    ...Array.from({ length: count }, (_, i) => ({
      name: `ship-${i + 1}`,
      role: 'cargo',
      cpu: '64',
      memory: '256Gi',
      maxPods,
      images: ['nginx:1.27'],
      ...(i % 5 === 4 ? { runtime: 'cri-o' } : {}),
    })),
  ];
}

/** Sets the fleet up through window.shipshape (paused); returns how many containers run. */
async function setUpEngine(
  page: Page,
  fleet: Fleet,
): Promise<{ running: number; seconds: number; ok: boolean; note?: string }> {
  const started = Date.now();
  const result = await page.evaluate(
    ({ ships, containers }) => {
      const s = window.shipshape!;
      s.pause();
      if (containers > 0) s.reset({ seed: 7, ships: ships as never });
      s.pause();
      const apps = containers > 0 ? ['web', 'api', 'cache', 'worker'] : ['web'];
      const replicas = containers > 0 ? Math.ceil(containers / apps.length) : 3;
      const outputs: string[] = [];
      for (const app of apps) {
        const r = s.exec(
          `kubectl create deployment ${app} --image=nginx:1.27 --replicas=${replicas}`,
        );
        if (!r.ok) outputs.push(r.output);
      }
      if (containers === 0) {
        s.exec('kubectl create deployment db --image=redis:7.4 --replicas=1');
        s.exec('kubectl expose deployment web --port=80');
      }
      const want = containers > 0 ? replicas * apps.length : 4;
      let running = 0;
      for (let i = 0; i < 24; i += 1) {
        s.advance(5_000);
        running = s.snapshot().containers.filter((c) => c.status === 'Running').length;
        if (running >= want) break;
      }
      return { running, want, errors: outputs };
    },
    { ships: shipSpecs(fleet.ships, fleet.containers), containers: fleet.containers },
  );
  const seconds = (Date.now() - started) / 1000;
  const ok = result.errors.length === 0 && result.running >= result.want * 0.95;
  return {
    running: result.running,
    seconds,
    ok,
    ...(ok
      ? {}
      : {
          note: `engine: ${result.running}/${result.want} running${result.errors.length ? `; ${result.errors[0]}` : ''}`,
        }),
  };
}

/** Measures rAF deltas while playing at 1× with scaling and crashes going on (engine driver). */
async function measure(
  page: Page,
  fleet: Fleet,
  driver: Row['driver'],
): Promise<{ deltas: number[]; scene: number[]; snapshotMs: number }> {
  return page.evaluate(
    async ({ ms, warmup, containers, driver }) => {
      const s = window.shipshape!;
      const harbor = window.__harbor!;
      // One store refresh after time moved (paused): a 1 ms engine step plus the snapshot rebuild
      // the store's projection makes, which it pays about 10 times a second while playing.
      let snapshotMs = 0;
      if (driver === 'engine') {
        s.pause();
        const times: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          const t0 = performance.now();
          s.advance(1);
          times.push(performance.now() - t0);
        }
        snapshotMs = times.sort((a, b) => a - b)[1]!;
        s.setSpeed(1);
        s.play();
      }
      const base = containers > 0 ? Math.ceil(containers / 4) : 3;
      const delta = Math.max(2, Math.round(base * 0.08));
      let tick = 0;
      const churn = setInterval(() => {
        if (driver !== 'engine') return;
        tick += 1;
        // Containers are loaded and replaced: scale web up and down, crash one now and then.
        s.exec(`kubectl scale deployment web --replicas=${tick % 2 ? base + delta : base}`);
        if (tick % 3 === 0) {
          const victim = s.snapshot().containers.find((c) => c.app === 'api' || c.app === 'web');
          if (victim && victim.status === 'Running')
            s.inject({ kind: 'crash-container', pod: victim.pod });
        }
      }, 1_000);
      const deltas: number[] = [];
      const sceneBefore = harbor.stats().sceneMs.length;
      await new Promise<void>((resolve) => {
        const start = performance.now();
        let last = start;
        const canvas = document.querySelector('[data-testid="harbor"] canvas');
        let flip = 0;
        const frame = (t: number) => {
          if (t - start > warmup) deltas.push(t - last);
          last = t;
          // The floor: nothing changes but the camera, nudged each frame so the canvas redraws.
          if (driver === 'floor') {
            flip += 1;
            canvas?.dispatchEvent(
              new KeyboardEvent('keydown', {
                key: flip % 2 ? 'ArrowLeft' : 'ArrowRight',
                bubbles: true,
              }),
            );
          }
          if (t - start < warmup + ms) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      clearInterval(churn);
      s.pause();
      const all = harbor.stats().sceneMs;
      const scene = all.slice(
        Math.max(0, all.length - Math.min(all.length - sceneBefore, deltas.length)),
      );
      return { deltas, scene, snapshotMs };
    },
    { ms: SECONDS * 1000, warmup: WARMUP_MS, containers: fleet.containers, driver },
  );
}

async function runFleet(
  browser: Browser,
  url: string,
  fleet: Fleet,
  driver: Row['driver'],
): Promise<Row> {
  const page = await browser.newPage({ viewport: { width: VIEW_W, height: VIEW_H } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // tsx (esbuild) wraps named functions in __name(); functions sent to the page need it there too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  try {
    await page.goto(url);
    await page.waitForFunction(() => !!window.__harbor && !!window.shipshape, null, {
      timeout: 30_000,
    });
    let setup = { running: 0, seconds: 0, ok: true } as Awaited<ReturnType<typeof setUpEngine>>;
    if (driver === 'engine') setup = await setUpEngine(page, fleet);
    else if (driver === 'floor') {
      await page.evaluate(() => window.__harbor!.useSyntheticFleet('classroom'));
    } else {
      const started = Date.now();
      await page.evaluate(
        ({ ships, containers }) =>
          window.__harbor!.useSyntheticFleet({ ships, containers: containers || 12 }),
        { ships: fleet.ships, containers: fleet.containers },
      );
      setup = { running: fleet.containers, seconds: (Date.now() - started) / 1000, ok: true };
    }
    // Presentation mode: the canvas fills the window, as on a projector in class.
    await page
      .getByRole('button', { name: 'Presentation mode' })
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(300);
    const { deltas, scene, snapshotMs } = await measure(page, fleet, driver);
    const sorted = [...deltas].sort((a, b) => a - b);
    const sceneSorted = [...scene].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    return {
      fleet: fleet.name,
      driver,
      view: `presentation mode, ${VIEW_W}×${VIEW_H}`,
      containers: fleet.containers || setup.running,
      running: setup.running,
      setupSeconds: round(setup.seconds),
      frames: deltas.length,
      p50: round(percentile(sorted, 50)),
      p95: round(p95),
      p99: round(percentile(sorted, 99)),
      mean: round(deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length)),
      max: round(sorted.at(-1) ?? NaN),
      over33: deltas.filter((d) => d > 33.4).length,
      sceneP50: round(percentile(sceneSorted, 50)),
      sceneP95: round(percentile(sceneSorted, 95)),
      snapshotMs: round(snapshotMs),
      target: fleet.target,
      // rAF deltas jitter around the 16.67 ms vsync: a p95 within half a millisecond of the target
      // means no frame was dropped at that percentile.
      meetsTarget: p95 <= fleet.target + 0.5,
      ...(setup.note || errors.length
        ? { note: [setup.note, ...errors.slice(0, 2)].filter(Boolean).join('; ') }
        : {}),
    };
  } finally {
    await page.close();
  }
}

function printTable(rows: Row[]): void {
  const head = [
    'fleet',
    'driver',
    'frames',
    'p50',
    'p95',
    'p99',
    'max',
    '>33ms',
    'scene p50',
    'scene p95',
    'snapshot',
    'target p95',
    'met',
  ];
  const body = rows.map((r) => [
    r.fleet,
    r.driver,
    String(r.frames),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(0),
    String(r.over33),
    r.sceneP50.toFixed(2),
    r.sceneP95.toFixed(2),
    r.driver === 'engine' ? `${r.snapshotMs.toFixed(1)}` : '—',
    `≤ ${r.target}`,
    r.meetsTarget ? 'yes' : 'no',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log(
    "\nFrame times in ms (requestAnimationFrame deltas in the page). scene = the canvas's own work per frame;",
  );
  console.log(
    'snapshot = one store refresh after time moved: engine step + snapshot rebuild (paid ~10×/s while playing).',
  );
  for (const r of rows) if (r.note) console.log(`note (${r.fleet}, ${r.driver}): ${r.note}`);
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'bench/results/render.json';
  if (process.env.BENCH_NO_BUILD !== '1') {
    const build = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const loadBefore = loadavg().map(round);
  const port = await freePort();
  const server = await startPreview(port);
  const { path } = findChromium() as { path: string };
  let browser: Browser | undefined;
  const rows: Row[] = [];
  try {
    browser = await chromium.launch({ executablePath: path, args: FLAGS });
    if (!process.env.BENCH_ONLY) {
      console.log('… floor: the classroom picture, unchanged, redrawn every frame');
      rows.push(
        await runFleet(browser, `http://127.0.0.1:${port}/?scenario=sandbox`, FLOOR, 'floor'),
      );
    }
    const fleets = FLEETS.filter(
      (f) => !process.env.BENCH_ONLY || f.name.includes(process.env.BENCH_ONLY),
    );
    for (const fleet of fleets) {
      console.log(`… ${fleet.name} (engine)`);
      rows.push(
        await runFleet(browser, `http://127.0.0.1:${port}/?scenario=sandbox`, fleet, 'engine'),
      );
      if (process.env.BENCH_SYNTHETIC !== '0' && fleet.containers > 0) {
        console.log(`… ${fleet.name} (synthetic, renderer only)`);
        rows.push(
          await runFleet(browser, `http://127.0.0.1:${port}/?scenario=sandbox`, fleet, 'synthetic'),
        );
      }
    }
  } finally {
    await browser?.close();
    server.kill();
  }
  printTable(rows);
  const load = { before: loadBefore, after: loadavg().map(round), cpus: cpus().length };
  console.log(
    `load average (1 min) before ${load.before[0]}, after ${load.after[0]}, on ${load.cpus} CPUs: frame times are only comparable on a quiet machine.`,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ benchmark: 'render', browser: path, flags: FLAGS, viewport: `${VIEW_W}x${VIEW_H}`, secondsPerFleet: SECONDS, load, rows }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
