import { expect, test } from '@playwright/test';
import { collectErrors, distinctColours } from './helpers';

test('the app opens, draws the harbor and reports no errors', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Shipshape');
  await expect(page.getByRole('heading', { level: 1, name: 'Shipshape' })).toBeVisible();

  const canvas = page.locator('[data-testid="harbor"] canvas');
  await expect(canvas).toBeVisible();
  const renderer = await page.evaluate(() => {
    const gl = document.querySelector('canvas')?.getContext('webgl2');
    return gl ? 'webgl2' : 'other';
  });
  expect(renderer).toBe('webgl2');
  // The sea alone is one colour with a few wave lines; ships, decks, labels add many more.
  await expect.poll(() => distinctColours(page, canvas)).toBeGreaterThan(12);

  expect(await page.evaluate(() => window.shipshape?.version)).toMatch(/^\d+\.\d+\.\d+$/);
  const shot = testInfo.outputPath('harbor.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('harbor', { path: shot, contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('"About the simulation" lists where Shipshape is simpler than Kubernetes', async ({
  page,
}, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: /^Display/ }).click();
  await page.getByRole('button', { name: 'About the simulation' }).click();
  const dialog = page.getByRole('dialog', { name: 'How Shipshape differs from a real cluster' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'kube-scheduler' })).toBeVisible();
  await expect(dialog.getByText(/stores objects in etcd as protobuf/)).toBeVisible();
  const shot = testInfo.outputPath('about.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('about', { path: shot, contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});
