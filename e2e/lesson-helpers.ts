import { expect, type Page } from '@playwright/test';

/** A moment of the simulation, as exactly as the page can tell it. */
export type Moment = { now: number; logHash: string; snapshot: string };

export async function moment(page: Page): Promise<Moment> {
  return page.evaluate(() => {
    const s = window.shipshape!;
    return { now: s.now(), logHash: s.logHash(), snapshot: JSON.stringify(s.snapshot()) };
  });
}

/** Opens the app (optionally at a link) and waits until it is ready. */
export async function openApp(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  await expect(
    page
      .getByRole('heading', { level: 1, name: 'Shipshape' })
      .or(page.getByRole('region', { name: 'Presentation' })),
  ).toBeVisible();
  await page.waitForFunction(() => window.shipshape !== undefined);
}

/** Loads a scenario file from e2e/fixtures with the "Load scenario file" button. */
export async function loadFixture(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load scenario file' }).click();
  await (await chooser).setFiles(`e2e/fixtures/${name}`);
}

/** Auto-play on or off (off: "Next step" always moves on and stays paused, so moments compare exactly). */
export async function setAutoplay(page: Page, on: boolean): Promise<void> {
  await page.getByRole('checkbox', { name: 'Play each step when it starts' }).setChecked(on);
}

export async function lessonStep(page: Page): Promise<number> {
  return page.evaluate(() => window.shipshape!.scenario()?.step ?? -1);
}

/** Narration as the page shows it: backticks become code, paragraphs and spaces collapse. */
export function shown(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}
