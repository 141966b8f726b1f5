import { expect, type Locator, type Page } from '@playwright/test';

/** A Deployment the cranes can place: three small nginx containers. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`;

/** A Deployment whose one container asks for more CPU than any ship has. */
export const HUGE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: 1
  selector:
    matchLabels:
      app: huge
  template:
    metadata:
      labels:
        app: huge
    spec:
      containers:
        - name: main
          image: nginx:1.27
          resources:
            requests:
              cpu: "64"
`;

/**
 * The console and the inspectors as a student uses them, for the end-to-end tests: type, read
 * the output, open tabs. Time moves only through `window.shipshape` (paused playback).
 */
export class Tools {
  readonly console: Locator;
  readonly input: Locator;
  readonly output: Locator;
  readonly inspectors: Locator;

  constructor(readonly page: Page) {
    this.console = page.getByRole('region', { name: 'Console', exact: true });
    this.input = page.getByLabel('Console input');
    this.output = page.getByRole('log', { name: 'Console output' });
    this.inspectors = page.getByRole('region', { name: 'Inspectors', exact: true });
  }

  /** Opens the app paused, with the ships registered (their captains check in within seconds). */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.input).toBeVisible();
    await this.page.evaluate(() => window.shipshape!.pause());
    await this.advance(15_000);
  }

  async advance(ms: number): Promise<void> {
    await this.page.evaluate((t) => window.shipshape!.advance(t), ms);
  }

  /** Types a line into the console and presses Enter. */
  async run(line: string): Promise<void> {
    await this.input.fill(line);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
  }

  /** The last command's entry in the scrollback. */
  lastEntry(): Locator {
    return this.output.locator('.ss-console-entry').last();
  }

  /** The text the last command printed, exactly (whitespace kept). */
  async lastOutput(): Promise<string> {
    const texts = await this.lastEntry().locator('pre').allTextContents();
    return texts.join('\n');
  }

  tab(name: string | RegExp): Locator {
    return this.inspectors.getByRole('tab', { name });
  }

  async openTab(name: string | RegExp): Promise<Locator> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
    return this.inspectors.getByRole('tabpanel');
  }
}
