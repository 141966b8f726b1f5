import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { lessonStep, loadFixture, openApp, setAutoplay } from './lesson-helpers';

test('the presenter window shows notes and the next step, and both windows move together', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await loadFixture(page, 'storm-drill.yaml');
  await setAutoplay(page, false);
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');

  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Presenter view' }).click();
  const presenter = await popup;
  const presenterErrors = collectErrors(presenter);
  await presenter.waitForLoadState();
  expect(new URL(presenter.url()).searchParams.get('view')).toBe('presenter');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Presenter view' })).toBeVisible();
  await expect(presenter.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await expect(presenter.getByTestId('presenter-step-title')).toHaveText('A calm sea');
  await expect(presenter.getByRole('region', { name: 'Speaker notes' })).toContainText(
    'Point at each captain in turn',
  );
  await expect(presenter.getByTestId('presenter-next-title')).toHaveText('Ship 2 goes down');
  await expect(presenter.getByLabel('Elapsed time')).toHaveText(/^\d+:\d\d$/);

  // Next from the presenter moves the audience window.
  await presenter.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => lessonStep(page)).toBe(1);
  await expect(page.getByTestId('step-title')).toHaveText('Ship 2 goes down');
  await expect(presenter.getByTestId('presenter-step-title')).toHaveText('Ship 2 goes down');
  await expect(presenter.getByRole('region', { name: 'Speaker notes' })).toContainText(
    'Let the class guess before pressing Play',
  );
  await expect(presenter.getByRole('region', { name: 'Speaker notes' })).toContainText(
    'Answer: After the grace period',
  );

  // The presenter reveals the answer to the class.
  await presenter.getByRole('button', { name: 'Show the answer to the class' }).click();
  await expect(page.getByText('After the grace period — 20 s in this drill')).toBeVisible();

  // A clicker on the audience window moves the presenter window.
  await page.getByTestId('step-count').click();
  await page.keyboard.press('PageDown');
  await expect(presenter.getByTestId('presenter-step-title')).toHaveText('Radio silence on ship 3');
  await expect(presenter.getByTestId('presenter-next-title')).toHaveText('The ledger holds');

  // Keys on the presenter window drive the audience window too.
  await presenter.keyboard.press('PageUp');
  await expect.poll(() => lessonStep(page)).toBe(1);
  await presenter.getByRole('button', { name: 'Step 4: The ledger holds' }).click();
  await expect.poll(() => lessonStep(page)).toBe(3);
  await expect(presenter.getByText('This is the last step.')).toBeVisible();

  // A reloaded presenter window finds the audience again.
  await presenter.reload();
  await expect(presenter.getByTestId('presenter-step-title')).toHaveText('The ledger holds');

  // A reloaded audience window (its link keeps the step) announces itself again.
  await openApp(page, new URL(page.url()).search);
  await expect(page.getByTestId('step-title')).toHaveText('The ledger holds');
  await setAutoplay(page, false);
  await page.keyboard.press('Home');
  await expect(presenter.getByTestId('presenter-step-title')).toHaveText('A calm sea');
  await expect(presenter.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();

  // Closing the audience window tells the presenter; reopening the presenter is possible any time.
  await presenter.close();
  const again = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Presenter view' }).click();
  const second = await again;
  await expect(second.getByTestId('presenter-step-title')).toHaveText('A calm sea');
  const secondErrors = collectErrors(second);
  await page.close();
  await expect(
    second.getByRole('status').filter({ hasText: 'The audience window closed' }),
  ).toBeVisible();

  expect(errors).toEqual([]);
  expect(presenterErrors).toEqual([]);
  expect(secondErrors).toEqual([]);
});
