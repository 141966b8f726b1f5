import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { loadFixture, openApp, setAutoplay } from './lesson-helpers';

/** Where the pictures go: SHIPSHAPE_SHOTS (to keep them), else the test's output folder. */
function shot(name: string): string {
  const dir = process.env.SHIPSHAPE_SHOTS;
  return dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`);
}

async function picture(page: Page, name: string) {
  // Let the canvas draw the settled scene (it animates from timestamps; nothing is playing).
  await page.waitForTimeout(600);
  const path = shot(name);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

async function atStep2(page: Page, search: string) {
  await openApp(page, search);
  await expect
    .poll(() => page.evaluate(() => window.shipshape!.scenario()?.stepId))
    .toBe('ship-sinks');
}

test.describe('how it looks', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await loadFixture(page, 'storm-drill.yaml');
    await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  });

  for (const theme of ['light', 'dark', 'projector'] as const) {
    test(`the lesson layout in the ${theme} theme`, async ({ page }) => {
      const errors = collectErrors(page);
      await atStep2(page, `?scenario=file:storm-drill&step=2&theme=${theme}`);
      await page.evaluate(() => window.shipshape!.advance(30_000));
      await page.getByRole('button', { name: 'Reveal' }).click();
      await picture(page, `lesson-${theme}`);
      expect(errors).toEqual([]);
    });
  }

  for (const theme of ['dark', 'projector'] as const) {
    test(`presentation mode in the ${theme} theme`, async ({ page }) => {
      const errors = collectErrors(page);
      await atStep2(page, `?scenario=file:storm-drill&step=2&theme=${theme}&mode=present`);
      await page.evaluate(() => window.shipshape!.advance(30_000));
      await picture(page, `presentation-${theme}`);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
      await picture(page, `keys-${theme}`);
      expect(errors).toEqual([]);
    });
  }

  test('the presenter window and a bad file', async ({ page, context }) => {
    const errors = collectErrors(page);
    await setAutoplay(page, false);
    await page.getByRole('button', { name: 'Next step' }).click();
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Presenter view' }).click();
    const presenter = await popup;
    await presenter.setViewportSize({ width: 1100, height: 760 });
    await expect(presenter.getByTestId('presenter-step-title')).toHaveText('Ship 2 goes down');
    await picture(presenter, 'presenter-view');
    await loadFixture(page, 'bad-scenario.yaml');
    await expect(page.getByRole('alert')).toBeVisible();
    await picture(page, 'load-errors');
    expect(errors).toEqual([]);
  });
});
