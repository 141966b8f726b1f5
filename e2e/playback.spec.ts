import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { lessonStep, loadFixture, moment, openApp, setAutoplay } from './lesson-helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  await setAutoplay(page, false);
});

test('play and pause, speed, the clock, skip the wait, step buttons and restart', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const bar = page.getByRole('group', { name: 'Playback' });
  await expect(bar.getByRole('status', { name: 'Simulated time' })).toHaveText('00:00:05.0');

  await bar.getByRole('button', { name: 'Play' }).click();
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await bar.getByRole('button', { name: 'Pause' }).click();
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible();

  await bar.getByRole('combobox', { name: 'Speed' }).selectOption('64');
  expect(await page.evaluate(() => window.shipshape!.speed())).toBe(64);
  await expect(bar.getByRole('combobox', { name: 'Speed' }).locator('option')).toHaveText([
    '0.25×',
    '0.5×',
    '1×',
    '2×',
    '4×',
    '8×',
    '16×',
    '32×',
    '64×',
  ]);
  await bar.getByRole('combobox', { name: 'Speed' }).selectOption('1');

  // In a lesson, the wait to skip is the step's: the calm sea lasts 4 s of simulated time.
  await page.evaluate(() => window.shipshape!.seek(window.shipshape!.scenario()!.startedAt));
  await bar.getByRole('button', { name: 'Skip the wait' }).click();
  await expect(
    bar.getByRole('status').filter({ hasText: /Skipped \d+ s of simulated time/ }),
  ).toBeVisible();
  await expect(page.getByTestId('step-status')).toContainText('Step complete');
  await expect(bar.getByRole('status', { name: 'Simulated time' })).toHaveText('00:00:09.0');

  await bar.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => lessonStep(page)).toBe(1);
  await bar.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(() => lessonStep(page)).toBe(0);
  await bar.getByRole('button', { name: 'Step forward' }).click();
  await bar.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => lessonStep(page)).toBe(2);
  await bar.getByRole('button', { name: 'Restart' }).click();
  await expect.poll(() => lessonStep(page)).toBe(0);
  expect(await page.evaluate(() => window.shipshape!.now())).toBe(5_000);
  expect(errors).toEqual([]);
});

test('the timeline scrubs with the keyboard and marks steps and faults', async ({ page }) => {
  const errors = collectErrors(page);
  for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  const end = await moment(page);
  await expect(timeline).toHaveAttribute(
    'aria-valuetext',
    /^00:00:\d\d\.\d, step 4: The ledger holds$/,
  );
  await expect(page.locator('.timeline-chapter')).toHaveCount(4);
  await expect(page.locator('.timeline-fault')).toHaveCount(2);
  await expect(page.locator('.timeline-fault').first()).toHaveAttribute(
    'title',
    /sink ship ship-2/,
  );

  await timeline.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => lessonStep(page)).toBe(0);
  expect(await page.evaluate(() => window.shipshape!.now())).toBe(5_000);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.shipshape!.now())).toBe(6_000);
  await page.keyboard.press('End');
  await expect.poll(() => lessonStep(page)).toBe(3);
  expect(await moment(page)).toEqual(end);

  // Dragging the thumb seeks too.
  const box = (await timeline.boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + box.height / 2);
  await expect.poll(() => lessonStep(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('acting in the past drops the later actions and says so', async ({ page }) => {
  const errors = collectErrors(page);
  for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('.timeline-chapter')).toHaveCount(4);
  // Back to the calm sea, before the storm's two faults, and act there.
  await page.evaluate(() => window.shipshape!.seek(7_000));
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  await page.evaluate(() => window.shipshape!.exec('kubectl cordon ship-1'));
  const bar = page.getByRole('group', { name: 'Playback' });
  await expect(
    bar
      .getByRole('status')
      .filter({ hasText: 'You acted in the past: 2 later actions were dropped from the timeline' }),
  ).toBeVisible();
  await expect(page.locator('.timeline-chapter')).toHaveCount(1);
  await expect(page.locator('.timeline-fault')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss the playback notice' }).click();
  await expect(page.getByText('You acted in the past')).toHaveCount(0);
  // The lesson goes on from the new branch.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('Ship 2 goes down');
  expect(errors).toEqual([]);
});

test('in free play the step buttons move ten seconds', async ({ page }) => {
  const errors = collectErrors(page);
  const sandbox = (await page.evaluate(() => window.shipshape!.scenarios())).find(
    (id) => id === 'sandbox',
  );
  test.skip(!sandbox, 'needs the Sandbox scenario');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('sandbox');
  const start = await page.evaluate(() => window.shipshape!.now());
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => page.evaluate(() => window.shipshape!.now())).toBe(start + 10_000);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(() => page.evaluate(() => window.shipshape!.now())).toBe(start);
  expect(errors).toEqual([]);
});
