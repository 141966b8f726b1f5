import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { loadFixture, moment, openApp, setAutoplay } from './lesson-helpers';

/** Everything about the running simulation a bad file must leave alone. */
async function state(page: Page) {
  return {
    ...(await moment(page)),
    inputs: await page.evaluate(() => JSON.stringify(window.shipshape!.inputs())),
    scenario: await page.evaluate(() => window.shipshape!.scenario()),
    picker: await page.getByRole('combobox', { name: 'Scenario' }).inputValue(),
  };
}

/** Drops a file on the page the way a browser does (a DataTransfer holding a File). */
async function drop(page: Page, name: string, text: string) {
  await page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: 'application/yaml' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    [name, text],
  );
}

test('a bad scenario file lists every problem and leaves the simulation untouched', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await setAutoplay(page, false);
  await page.evaluate(() => {
    window.shipshape!.exec('etcdctl put /lesson/greeting hello');
    window.shipshape!.inject({ kind: 'cordon', ship: 'ship-1' });
    window.shipshape!.advance(12_000);
  });
  const before = await state(page);

  await loadFixture(page, 'bad-scenario.yaml');
  const alert = page.getByRole('alert');
  await expect(
    alert.getByRole('heading', { name: 'Could not load bad-scenario.yaml' }),
  ).toBeVisible();
  await expect(alert).toContainText('Nothing else changed');
  const items = alert.getByRole('listitem');
  const expected = [
    'id:',
    'summary:',
    'seed:',
    'fleet[0].runtime: rkt (rocket) support was removed',
    'steps[0].narration.kubernetes:',
    'steps[0].complete:',
  ];
  await expect(items).toHaveCount(expected.length);
  for (const [i, text] of expected.entries())
    await expect(items.nth(i)).toContainText(`bad-scenario.yaml: ${text}`);
  expect(await state(page)).toEqual(before);
  await expect(page.getByRole('option', { name: 'A broken drill' })).toHaveCount(0);

  // A file that is not even YAML names the line and column.
  await drop(page, 'broken.json', '{ "id": "x", "title": [ }');
  await expect(alert.getByRole('heading', { name: 'Could not load broken.json' })).toBeVisible();
  await expect(alert.getByRole('listitem').first()).toContainText(
    /broken\.json: line 1, column \d+/,
  );
  expect(await state(page)).toEqual(before);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a good file, picked or dropped, plays like a built-in scenario and stays in the picker', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await drop(page, 'storm-drill.yaml', readFileSync('e2e/fixtures/storm-drill.yaml', 'utf8'));
  await expect(page.getByTestId('step-title')).toHaveText('A calm sea');
  await expect(
    page.getByRole('status').filter({ hasText: 'Loaded "Storm drill" from storm-drill.yaml' }),
  ).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toHaveValue('file:storm-drill');
  await expect(picker.locator('optgroup[label="Loaded from files"] option')).toHaveText([
    'Storm drill',
  ]);

  // Switch away and back: the file's scenario is still there for this session.
  const builtIn = (await page.evaluate(() => window.shipshape!.scenarios()))[0]!;
  await picker.selectOption(builtIn);
  await expect(picker).toHaveValue(builtIn);
  await picker.selectOption('file:storm-drill');
  await setAutoplay(page, false);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('step-title')).toHaveText('Ship 2 goes down');
  await page.evaluate(() => window.shipshape!.finishStep());
  await expect(page.getByTestId('step-status')).toContainText('Step complete');

  // Picking the same file again replaces it rather than adding a second entry.
  await loadFixture(page, 'storm-drill.yaml');
  await expect(picker.locator('option', { hasText: 'Storm drill' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
