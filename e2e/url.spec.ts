import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { loadFixture, openApp, setAutoplay } from './lesson-helpers';

test('invalid link parameters each give a notice naming them, and the app still opens', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(
    page,
    '?scenario=titanic&step=abc&seed=-1&speed=fast&labels=klingon&theme=neon&mode=party&colour=red',
  );
  const first = (await page.evaluate(() => window.shipshape!.scenarios()))[0]!;
  const data = (await page.evaluate((id) => window.shipshape!.scenarioData(id), first))!;
  const title = data.title;
  const notices = page.getByRole('status', { name: 'Notices' });
  for (const text of [
    'The link parameter "colour" is not one Shipshape knows; it was ignored.',
    `scenario=titanic is not a built-in scenario: opened "${title}" instead.`,
    'step=abc',
    'seed=-1 is not a whole number from 0 to 4294967295',
    'speed=fast is not a speed from 0.25× to 64×: playing at 1×.',
    'labels=klingon is not a label mode (analogy, kubernetes, both): kept "both".',
    'theme=neon is not a theme (light, dark, projector): kept "dark".',
    'mode=party is not a mode (the only one is "present"): opened the normal layout.',
  ]) {
    await expect(notices).toContainText(text);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Shipshape' })).toBeVisible();
  expect(await page.evaluate(() => window.shipshape!.scenario()?.id)).toBe(first);
  expect(await page.evaluate(() => window.shipshape!.speed())).toBe(1);
  // The address bar is corrected to what was opened.
  expect(new URL(page.url()).search).toBe(
    `?scenario=${first}${data.steps.length > 0 ? '&step=1' : ''}`,
  );

  // Notices go away one by one.
  const count = await notices.getByRole('button', { name: 'Dismiss notice' }).count();
  expect(count).toBe(8);
  await notices.getByRole('button', { name: 'Dismiss notice' }).first().click();
  await expect(notices.getByRole('button', { name: 'Dismiss notice' })).toHaveCount(7);
  expect(errors).toEqual([]);
});

test('a step past the end opens the last step and says so', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await openApp(page, '?scenario=file:storm-drill&step=40&speed=3');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'step=40 is past the end of "Storm drill", which has 4 steps: opened step 4.',
  );
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'speed=3 is not one of the offered speeds: playing at 4×, the nearest.',
  );
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('4');
  expect(errors).toEqual([]);
});

test('the address bar follows the lesson, speed, labels, theme and mode', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await setAutoplay(page, false);
  const search = () => new URL(page.url()).searchParams;
  await expect.poll(() => search().get('scenario')).toBe('file:storm-drill');
  expect(search().get('step')).toBe('1');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => search().get('step')).toBe('2');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await expect.poll(() => search().get('speed')).toBe('16');
  await page.getByRole('button', { name: 'Display' }).click();
  await page.getByLabel('Theme').selectOption('projector');
  await page.getByLabel('Labels').selectOption('kubernetes');
  await expect.poll(() => search().get('theme')).toBe('projector');
  expect(search().get('labels')).toBe('kubernetes');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect.poll(() => search().get('mode')).toBe('present');
  // Moving through the lesson does not fill the Back button's history.
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);

  // The link opens the same place, theme and mode.
  const link = new URL(page.url()).search;
  await openApp(page, link);
  await expect(
    page
      .getByRole('region', { name: 'Presentation' })
      .getByRole('heading', { name: 'Ship 2 goes down' }),
  ).toBeVisible();
  expect(
    await page.evaluate(() => [document.documentElement.dataset.theme, window.shipshape!.speed()]),
  ).toEqual(['projector', 16]);
  expect(errors).toEqual([]);
});
