import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { lessonStep, loadFixture, moment, openApp, setAutoplay, shown } from './lesson-helpers';

/** Four ways to say "next", used in turn while walking a lesson: clickers send Page Down. */
const NEXT: ((page: Page) => Promise<void>)[] = [
  (page) => page.getByRole('button', { name: 'Next step' }).click(),
  (page) => page.keyboard.press('ArrowRight'),
  (page) => page.keyboard.press('PageDown'),
  (page) => page.keyboard.press('Space'),
];

/**
 * Walks a scenario from step 1 to its end with the keyboard and the buttons, checking at each step
 * that the panel shows the scenario's data and that the step completes (not by timing out); then
 * checks that a link to the last step opens the moment reached by hand.
 */
async function walk(page: Page, key: string): Promise<void> {
  const data = (await page.evaluate((k) => window.shipshape!.scenarioData(k), key))!;
  expect(data, `scenario data for ${key}`).not.toBeNull();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(key);
  await setAutoplay(page, false);
  const lesson = page.getByRole('region', { name: data.title });
  await expect(lesson.getByRole('heading', { level: 2, name: data.title })).toBeVisible();
  await expect(lesson).toContainText(shown(data.summary));
  if (data.timingNote) await expect(lesson).toContainText(data.timingNote);
  if (data.steps.length === 0) {
    await expect(lesson).toContainText('This scenario has no steps');
    expect(await page.evaluate(() => window.shipshape!.scenario())).toMatchObject({
      id: data.id,
      stepCount: 0,
      stepId: null,
    });
    return;
  }
  let last: Awaited<ReturnType<typeof moment>> | undefined;
  for (const [i, step] of data.steps.entries()) {
    await expect(page.getByTestId('step-title')).toHaveText(step.title);
    await expect(page.getByTestId('step-count')).toHaveText(
      `Step ${i + 1} of ${data.steps.length}`,
    );
    await expect(lesson.getByRole('region', { name: 'In the harbor' })).toContainText(
      shown(step.narration.analogy),
    );
    const kubernetes = lesson.getByRole('region', { name: 'In Kubernetes' });
    await expect(kubernetes).toContainText(shown(step.narration.kubernetes));
    if (step.command) await expect(kubernetes.locator('pre code')).toHaveText(step.command);
    if (step.question) await expect(lesson.getByRole('button', { name: 'Reveal' })).toBeVisible();
    if (step.simplification) await expect(lesson).toContainText(step.simplification);
    if (step.notes) await expect(lesson).not.toContainText(shown(step.notes));
    await expect(
      lesson.getByRole('button', { name: new RegExp(`^Step ${i + 1}: `) }),
    ).toHaveAttribute('aria-current', 'step');
    if (i === data.steps.length - 1) last = await moment(page);

    await page.evaluate(() => window.shipshape!.finishStep());
    const where = await page.evaluate(() => window.shipshape!.scenario()!);
    expect(where, `${key} step ${i + 1} "${step.title}"`).toMatchObject({
      id: data.id,
      step: i,
      complete: true,
      timedOut: false,
    });
    await expect(page.getByTestId('step-status')).toContainText('Step complete');

    if (i < data.steps.length - 1) {
      await NEXT[i % NEXT.length]!(page);
      await expect.poll(() => lessonStep(page)).toBe(i + 1);
    }
  }
  await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();

  // A link to the last step opens the moment reached by hand, exactly.
  await openApp(page, `?scenario=${encodeURIComponent(key)}&step=${data.steps.length}`);
  await expect(page.getByTestId('step-title')).toHaveText(data.steps.at(-1)!.title);
  expect(await moment(page)).toEqual(last);
}

test('every built-in scenario can be walked to its end, step by step, with what the data says on screen', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  const ids = await page.evaluate(() => window.shipshape!.scenarios());
  expect(ids.length).toBeGreaterThan(0);
  test.setTimeout(60_000 + ids.length * 120_000);
  for (const id of ids) await test.step(`scenario ${id}`, () => walk(page, id));
  expect(errors).toEqual([]);
});

test("a teacher's scenario file is walked the same way", async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  await walk(page, 'file:storm-drill');
  expect(errors).toEqual([]);
});

test('going back restores an identical snapshot, by button, by timeline and by key', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await setAutoplay(page, false);
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('Radio silence on ship 3');
  const step3 = await moment(page);

  await page.evaluate(() => window.shipshape!.finishStep());
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.evaluate(() => window.shipshape!.advance(45_000));
  expect((await moment(page)).now).toBeGreaterThan(step3.now);

  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('Radio silence on ship 3');
  expect(await moment(page)).toEqual(step3);

  // Forward again replays the recorded future; back with the keyboard.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  await page.keyboard.press('PageUp');
  expect(await moment(page)).toEqual(step3);

  // The timeline lands on the same moment too.
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  await page.evaluate((t) => window.shipshape!.seek(t), step3.now);
  await expect(page.getByTestId('step-title')).toHaveText('Radio silence on ship 3');
  expect(await moment(page)).toEqual(step3);
  expect(errors).toEqual([]);
});

test('a deep link opens the same moment as stepping there by hand', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await setAutoplay(page, false);
  for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  const byHand = await moment(page);
  const link = await page.evaluate(() => window.location.search);
  expect(new URLSearchParams(link).get('step')).toBe('4');
  expect(new URLSearchParams(link).get('scenario')).toBe('file:storm-drill');

  // The same tab keeps the file's scenario, so its link opens after a reload.
  await openApp(page, link);
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  const linked = await moment(page);
  expect({ now: linked.now, logHash: linked.logHash }).toEqual({
    now: byHand.now,
    logHash: byHand.logHash,
  });
  expect(linked.snapshot).toBe(byHand.snapshot);

  // Another seed is another run: same step, different history.
  await openApp(page, `${link}&seed=99`);
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  expect(await page.evaluate(() => window.shipshape!.snapshot().seed)).toBe(99);
  expect(errors).toEqual([]);
});

test('the lesson panel shows the question, reveals the answer, and keeps speaker notes to the presenter', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await setAutoplay(page, false);
  const lesson = page.getByRole('region', { name: 'Storm drill' });
  await expect(lesson).toContainText('Timing changed: The control ship waits 20 s');
  await expect(lesson).not.toContainText('Point at each captain');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(lesson.getByRole('region', { name: 'Predict' })).toContainText(
    'How long before the control ship notices ship 2 is gone?',
  );
  await expect(page.getByTestId('step-status')).toContainText(/Waiting for .*fault\.sink-ship/);
  await lesson.getByRole('button', { name: 'Reveal' }).click();
  await expect(lesson).toContainText('After the grace period — 20 s in this drill');
  await expect(lesson.getByRole('button', { name: 'Reveal' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(lesson).toContainText('Simplified: The drill cuts the whole radio at once');
  await page.getByRole('button', { name: 'Step 1: A calm sea' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  expect(errors).toEqual([]);
});
