import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { lessonStep, loadFixture, openApp, setAutoplay } from './lesson-helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
});

test('slide keys move through the lesson: Page Down/Up (clickers), arrows, Space, Home, End, digits', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await setAutoplay(page, false);
  // Focus on the page, not on a control (the canvas keeps its arrow keys for panning).
  await page.getByTestId('step-count').click();
  const presses: [string, number][] = [
    ['PageDown', 1],
    ['PageDown', 2],
    ['PageUp', 1],
    ['ArrowRight', 2],
    ['ArrowLeft', 1],
    ['Space', 2],
    ['Shift+Space', 1],
    ['End', 3],
    ['Home', 0],
    ['3', 2],
    ['1', 0],
    ['9', 0],
  ];
  for (const [key, step] of presses) {
    await page.keyboard.press(key);
    await expect.poll(() => lessonStep(page), `after ${key}`).toBe(step);
  }
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  expect(errors).toEqual([]);
});

test('with auto-play, Next first plays a step waiting at its start, then moves on', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await setAutoplay(page, true);
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate(() => window.shipshape!.playing())).toBe(true);
  expect(await lessonStep(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Pause' }).first()).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect.poll(() => lessonStep(page)).toBe(1);
  // Step 2 asks the class a question first: it waits.
  expect(await page.evaluate(() => window.shipshape!.playing())).toBe(false);
  await page.keyboard.press('r');
  await expect(page.getByText('After the grace period — 20 s in this drill')).toBeVisible();
  await page.keyboard.press('p');
  await expect.poll(() => page.evaluate(() => window.shipshape!.scenario()!.complete)).toBe(true);
  expect(errors).toEqual([]);
});

test('keys typed in the console stay in the console', async ({ page }) => {
  const errors = collectErrors(page);
  await setAutoplay(page, false);
  const input = page.getByRole('textbox', { name: 'Console input' });
  await input.click();
  for (const key of ['PageDown', 'ArrowRight', 'Space', 'End', '3', 'f', '?'])
    await page.keyboard.press(key);
  expect(await lessonStep(page)).toBe(0);
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeHidden();
  expect(await page.evaluate(() => window.shipshape!.presenting())).toBe(false);
  await expect(input).toHaveValue(/ 3f\?$/);

  // The timeline keeps its keys too: Page Up/Down there scrub time, not steps.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await page.keyboard.press('Escape');
  await timeline.focus();
  const before = await page.evaluate(() => window.shipshape!.now());
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.shipshape!.now())).toBe(before + 1000);
  expect(await lessonStep(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('? opens the keyboard help as a dialog, Esc closes it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Page Down');
  await expect(dialog).toContainText('Leave presentation mode');
  // While it is open, the keys are the dialog's.
  await page.keyboard.press('PageDown');
  expect(await lessonStep(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('?');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('presentation mode: large captions, panels hidden, slide keys, Esc leaves', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await setAutoplay(page, false);
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  const presentation = page.getByRole('region', { name: 'Presentation' });
  await expect(presentation).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeHidden();
  await expect(presentation.getByRole('heading', { name: 'A calm sea' })).toBeVisible();
  await expect(presentation).toContainText('Four ships at anchor');
  expect(new URL(page.url()).searchParams.get('mode')).toBe('present');

  await page.keyboard.press('PageDown');
  await expect(presentation.getByRole('heading', { name: 'Ship 2 goes down' })).toBeVisible();
  await expect(presentation).toContainText(
    'Predict: How long before the control ship notices ship 2 is gone?',
  );
  await page.keyboard.press('End');
  await expect(presentation.getByRole('heading', { name: 'The ledger holds' })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(
    presentation.getByRole('heading', { name: 'Radio silence on ship 3' }),
  ).toBeVisible();
  await presentation.getByRole('button', { name: 'Next step' }).click();
  await expect(presentation.getByRole('heading', { name: 'The ledger holds' })).toBeVisible();

  // F toggles full screen where the browser allows it; presentation mode stays either way.
  await page.keyboard.press('f');
  expect(await page.evaluate(() => window.shipshape!.presenting())).toBe(true);

  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.shipshape!.presenting())).toBe(false);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(presentation).toBeHidden();
  expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
  expect(errors).toEqual([]);
});
