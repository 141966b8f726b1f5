import { expect, test, type Page } from '@playwright/test';
import { collectErrors, distinctColours } from './helpers';

// The harbor canvas (issue 5): themes, selection from the outline, sinking, label modes.
// Time is driven through window.shipshape (paused, then advanced), never by sleeping.

const THEME_SEA: Record<string, [number, number, number]> = {
  dark: [0x0b, 0x3d, 0x5c],
  light: [0xcf, 0xe8, 0xf3],
  projector: [0xf2, 0xfb, 0xff],
};

async function openHarbor(page: Page): Promise<void> {
  // Free play: no lesson steps applying inputs while the test drives time.
  await page.goto('/?scenario=sandbox');
  await page.waitForFunction(() => !!window.__harbor && !!window.shipshape);
  await page.evaluate(() => window.shipshape!.pause());
}

/** A small cluster at work: four web containers behind a Service, one db, all running. */
async function loadCargo(page: Page): Promise<void> {
  const ok = await page.evaluate(() => {
    const s = window.shipshape!;
    const a = s.exec('kubectl create deployment web --image=nginx:1.27 --replicas=4');
    const b = s.exec('kubectl create deployment db --image=postgres:17 --replicas=1');
    const c = s.exec('kubectl expose deployment web --port=80');
    s.advance(30_000);
    return a.ok && b.ok && c.ok;
  });
  expect(ok).toBe(true);
  await expect.poll(() => page.evaluate(() => window.__harbor!.stats().boxes)).toBe(5);
}

/** Waits until the camera stops moving (the ship's rectangle is the same on two looks). */
async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const r = JSON.stringify(
        await page.evaluate(() => window.__harbor!.rect({ kind: 'ship', name: 'ship-1' })),
      );
      const same = r === last;
      last = r;
      return same;
    })
    .toBe(true);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Sets a display preference through its control (in the "Display" menu when folded). */
async function choose(page: Page, label: 'Labels' | 'Theme', value: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  if (!(await select.isVisible())) await page.getByRole('button', { name: /^Display/ }).click();
  await select.selectOption(value);
}

/** Counts pixels close to a colour in a region of the page. */
async function countColour(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
  rgb: [number, number, number],
): Promise<number> {
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async ([base64, [r, g, b]]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i]! - r) < 40 &&
          Math.abs(data[i + 1]! - g) < 40 &&
          Math.abs(data[i + 2]! - b) < 40
        )
          n += 1;
      }
      return n;
    },
    [png.toString('base64'), rgb] as const,
  );
}

/** Hides the panels over the canvas (only for pixel checks and screenshots of the canvas itself). */
async function panelsHidden<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.dataset.canvasTest = '';
    style.textContent = '.shell, .popover-panel, .action-menu { visibility: hidden !important; }';
    document.head.appendChild(style);
  });
  await page.waitForTimeout(50);
  try {
    return await fn();
  } finally {
    await page.evaluate(() => document.querySelector('style[data-canvas-test]')?.remove());
  }
}

test('the canvas draws the harbor in each theme', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  const canvas = page.locator('[data-testid="harbor"] canvas');
  for (const theme of ['dark', 'light', 'projector'] as const) {
    await choose(page, 'Theme', theme);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe(theme);
    // Presentation mode hides the panels: the canvas fits the whole window.
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    // Wait for the camera to settle on the larger open sea.
    await settled(page);
    await panelsHidden(page, async () => {
      // The open sea at the bottom-left corner takes the theme's colour.
      await expect
        .poll(() => countColour(page, { x: 2, y: 790, width: 8, height: 8 }, THEME_SEA[theme]!))
        .toBeGreaterThan(40);
      await expect.poll(() => distinctColours(page, canvas)).toBeGreaterThan(30);
      const shot = testInfo.outputPath(`harbor-${theme}.png`);
      await canvas.screenshot({ path: shot });
      await testInfo.attach(`harbor-${theme}`, { path: shot, contentType: 'image/png' });
    });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Presentation mode' })).toBeVisible();
    await settled(page);
    const full = testInfo.outputPath(`app-${theme}.png`);
    await page.screenshot({ path: full });
    await testInfo.attach(`app-${theme}`, { path: full, contentType: 'image/png' });
  }
  expect(errors).toEqual([]);
});

test('selecting a ship in the outline highlights it on the canvas', async ({ page }) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  await choose(page, 'Theme', 'dark');
  await page.keyboard.press('Escape');
  const outline = page.getByRole('tree', { name: 'Fleet outline' });
  await expect(outline).toBeVisible();
  expect(await page.evaluate(() => window.__harbor!.highlighted())).toBeNull();

  await outline.getByRole('treeitem', { name: /^Cargo ship \(worker node\) ship-2,/ }).click();
  await expect(page.getByTestId('harbor')).toHaveAttribute('data-highlighted', 'ship:ship-2');
  expect(await page.evaluate(() => window.__harbor!.highlighted())).toBe('ship:ship-2');
  await expect(outline.getByRole('treeitem', { name: /ship-2,/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // The highlight is drawn: the highlight colour rings the ship's rectangle on the canvas.
  await page.waitForFunction(() => {
    const r = window.__harbor!.rect({ kind: 'ship', name: 'ship-2' });
    return !!r && r.x > 0 && r.y > 0;
  });
  const rect = (await page.evaluate(() =>
    window.__harbor!.rect({ kind: 'ship', name: 'ship-2' }),
  ))!;
  const clip = {
    x: Math.max(0, rect.x - 14),
    y: Math.max(0, rect.y - 14),
    width: rect.w + 28,
    height: rect.h + 28,
  };
  const ring = await panelsHidden(page, () => countColour(page, clip, [0xff, 0xd4, 0x00]));
  expect(ring).toBeGreaterThan(200);

  // Keyboard: the tree has roving focus; Down moves to the next ship, Enter selects it.
  await outline.getByRole('treeitem', { name: /ship-2,/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('harbor')).toHaveAttribute('data-highlighted', 'ship:ship-3');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('sinking a ship from the outline animates it, and the outline shows it sunk', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  const outline = page.getByRole('tree', { name: 'Fleet outline' });
  await outline.getByRole('button', { name: 'Actions for ship-1' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for ship-1' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Inspect ship-1',
    'Sink ship-1',
    'Cut radio of ship-1',
    'Cordon ship-1',
  ]);
  await menu.getByRole('menuitem', { name: 'Sink ship-1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sank' })).toBeVisible();

  const sinking = () =>
    page.evaluate(() => window.__harbor!.ships().find((s) => s.name === 'ship-1')!.sinking);
  await expect
    .poll(() =>
      page.evaluate(() => window.__harbor!.ships().find((s) => s.name === 'ship-1')!.status),
    )
    .toBe('Sunk');
  await expect
    .poll(() => page.evaluate(() => window.__harbor!.drawnAt() === window.shipshape!.now()))
    .toBe(true);
  const seen: number[] = [await sinking()];
  for (let i = 0; i < 5; i += 1) {
    // One second at a time, waiting for the canvas to draw each moment (a real animation, not a jump).
    await page.evaluate(() => window.shipshape!.advance(1_000));
    await expect
      .poll(() => page.evaluate(() => window.__harbor!.drawnAt() === window.shipshape!.now()))
      .toBe(true);
    seen.push(await sinking());
  }
  // It went down in steps (an animation), not at once, and ended at the wreck's pose.
  expect(seen.filter((v) => v > 0.01 && v < 0.59).length).toBeGreaterThanOrEqual(2);
  expect(seen.at(-1)!).toBeCloseTo(0.6, 2);
  await expect(
    outline.getByRole('treeitem', { name: /^Cargo ship \(worker node\) ship-1, Sunk/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('label modes switch the names on the canvas and in the outline', async ({ page }) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  const outline = page.getByRole('tree', { name: 'Fleet outline' });
  // "Inspect" brings the ship close enough for the crew's names to show.
  await outline.getByRole('button', { name: 'Actions for ship-1' }).click();
  await page.getByRole('menuitem', { name: 'Inspect ship-1' }).click();
  await expect.poll(() => page.evaluate(() => window.__harbor!.detail())).not.toBe('far');
  const texts = () => page.evaluate(() => window.__harbor!.texts());

  await choose(page, 'Labels', 'both');
  await expect.poll(texts).toContain('Captain (kubelet)');
  await expect(
    outline.getByRole('treeitem', { name: /^Cargo ship \(worker node\) ship-1,/ }),
  ).toBeVisible();

  await choose(page, 'Labels', 'kubernetes');
  await expect.poll(texts).toContain('kubelet');
  expect(await texts()).not.toContain('Captain (kubelet)');
  expect(await texts()).toContain('kube-proxy');
  await expect(outline.getByRole('treeitem', { name: /^worker node ship-1,/ })).toBeVisible();

  await choose(page, 'Labels', 'analogy');
  await expect.poll(texts).toContain('Captain');
  expect(await texts()).toContain('Signal officer');
  expect(await texts()).not.toContain('kubelet');
  await expect(outline.getByRole('treeitem', { name: /^Cargo ship ship-1,/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('reduced motion: a sinking ship goes straight to the wreck, highlighted', async ({ page }) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  const box = page.getByLabel('Reduced motion');
  if (!(await box.isVisible())) await page.getByRole('button', { name: /^Display/ }).click();
  await box.check();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.shipshape!.inject({ kind: 'sink-ship', ship: 'ship-3' }));
  await page.evaluate(() => window.shipshape!.advance(100));
  await expect
    .poll(() =>
      page.evaluate(() => window.__harbor!.ships().find((s) => s.name === 'ship-3')!.sinking),
    )
    .toBeCloseTo(0.6, 2);
  expect(errors).toEqual([]);
});

test('the canvas is keyboard-operable: zoom, pan and fit', async ({ page }) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  const canvas = page.getByRole('application', { name: /Harbor canvas/ });
  await canvas.focus();
  const before = await page.evaluate(() =>
    window.__harbor!.rect({ kind: 'ship', name: 'ship-1' })!,
  );
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect
    .poll(() => page.evaluate(() => window.__harbor!.rect({ kind: 'ship', name: 'ship-1' })!.w))
    .toBeGreaterThan(before.w * 1.3);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('0');
  await expect
    .poll(() =>
      page.evaluate(
        (w) => Math.abs(window.__harbor!.rect({ kind: 'ship', name: 'ship-1' })!.w - w),
        before.w,
      ),
    )
    .toBeLessThan(2);
  expect(errors).toEqual([]);
});

test('right-clicking a ship on the canvas offers the outline’s actions; hovering shows a tooltip', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openHarbor(page);
  await loadCargo(page);
  const rect = (await page.evaluate(() =>
    window.__harbor!.rect({ kind: 'ship', name: 'ship-2' }),
  ))!;
  const canvas = page.locator('[data-testid="harbor"] canvas');
  const box = (await canvas.boundingBox())!;
  // A point on the hull, away from the deck's containers.
  const at = { x: rect.x + rect.w * 0.2 - box.x, y: rect.y + rect.h * 0.6 - box.y };
  await canvas.hover({ position: at });
  await expect(page.getByRole('tooltip')).toContainText('ship-2');
  await canvas.click({ position: at, button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for ship-2' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Inspect ship-2',
    'Sink ship-2',
    'Cut radio of ship-2',
    'Cordon ship-2',
  ]);
  await menu.getByRole('menuitem', { name: 'Cordon ship-2' }).click();
  await expect
    .poll(() =>
      page.evaluate(
        () => window.shipshape!.snapshot().ships.find((s) => s.name === 'ship-2')!.unschedulable,
      ),
    )
    .toBe(true);
  await page.evaluate(() => window.shipshape!.advance(500));
  await expect(
    page
      .getByRole('tree', { name: 'Fleet outline' })
      .getByRole('treeitem', { name: /ship-2, Ready, cordoned/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
