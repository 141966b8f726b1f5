import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { Tools, WEB_DEPLOYMENT } from './toolsPage';

test.describe('the console', () => {
  let errors: string[];
  let tools: Tools;

  test.beforeEach(async ({ page }) => {
    errors = collectErrors(page);
    tools = new Tools(page);
    await tools.open();
  });

  test.afterEach(() => {
    expect(errors).toEqual([]);
  });

  test('kubectl get nodes prints the table with its columns aligned', async () => {
    await tools.run('kubectl get nodes');
    const lines = (await tools.lastOutput()).split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    const status = lines[0]!.indexOf('STATUS');
    const version = lines[0]!.indexOf('VERSION');
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual([
      'control-plane',
      'ship-1',
      'ship-2',
      'ship-3',
    ]);
    for (const line of lines.slice(1)) {
      expect(line.slice(status)).toMatch(/^Ready\s/);
      expect(line.slice(version)).toMatch(/^v\d+\.\d+\.\d+$/);
    }
    const pre = tools.lastEntry().locator('pre');
    expect(await pre.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
    await expect(tools.lastEntry()).not.toHaveClass(/is-error/);
  });

  test('a bad command shows the tool’s own error, styled as an error', async () => {
    await tools.run('kubectl frobnicate pods');
    await expect(tools.lastEntry()).toHaveClass(/is-error/);
    expect(await tools.lastOutput()).toContain('error: unknown command "frobnicate" for "kubectl"');
    const [errorColour, lineColour] = await Promise.all([
      tools
        .lastEntry()
        .locator('pre')
        .evaluate((el) => getComputedStyle(el).color),
      tools
        .lastEntry()
        .locator('.ss-console-line')
        .evaluate((el) => getComputedStyle(el).color),
    ]);
    expect(errorColour).not.toBe(lineColour);
  });

  test('pasted Deployment YAML is applied and its pods appear as time passes', async ({
    page,
  }, testInfo) => {
    await tools.console.getByRole('button', { name: 'Paste YAML' }).click();
    await tools.console.getByLabel('Manifest YAML').fill(WEB_DEPLOYMENT);
    await tools.console.getByRole('button', { name: 'Apply' }).click();
    await expect(tools.lastEntry()).toContainText('kubectl apply -f -');
    expect(await tools.lastOutput()).toBe('deployment.apps/web created');
    const applied = await page.evaluate(() => window.shipshape!.inputs().at(-1));
    expect(applied).toMatchObject({ kind: 'apply', yaml: WEB_DEPLOYMENT });

    await tools.advance(30_000);
    await tools.run('kubectl get pods');
    const rows = (await tools.lastOutput()).split('\n').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s/);
    const running = await page.evaluate(
      () =>
        window
          .shipshape!.snapshot()
          .containers.filter((c) => c.app === 'web' && c.status === 'Running').length,
    );
    expect(running).toBe(3);
    const shot = testInfo.outputPath('console.png');
    await tools.console.screenshot({ path: shot });
    await testInfo.attach('console', { path: shot, contentType: 'image/png' });
  });

  test('etcdctl put and get', async () => {
    await tools.run('etcdctl put greeting hello');
    expect(await tools.lastOutput()).toBe('OK');
    await tools.run('etcdctl get greeting');
    expect(await tools.lastOutput()).toBe('greeting\nhello');
  });

  test('a watch shows its lines live and stops on Ctrl+C', async ({ page }) => {
    await tools.run('etcdctl watch greeting');
    const stop = tools.console.getByRole('button', { name: 'Stop', exact: true });
    await expect(stop).toBeVisible();
    await expect(tools.lastEntry()).toContainText('watching');
    await page.evaluate(() => window.shipshape!.exec('etcdctl put greeting hello'));
    await tools.advance(500);
    await expect.poll(() => tools.lastOutput()).toBe('PUT\ngreeting\nhello');

    await tools.input.press('Control+c');
    await expect(stop).toHaveCount(0);
    await expect(tools.lastEntry()).toContainText('^C');
    await page.evaluate(() => window.shipshape!.exec('etcdctl put greeting again'));
    await tools.advance(500);
    await page.waitForTimeout(300);
    expect(await tools.lastOutput()).toBe('PUT\ngreeting\nhello');
  });

  test('kubectl get -w follows the pods until Stop', async ({ page }) => {
    await tools.run('kubectl get pods -w');
    await page.evaluate(() =>
      window.shipshape!.exec('kubectl create deployment api --image=nginx:1.27 --replicas=2'),
    );
    await tools.advance(20_000);
    await expect
      .poll(async () => (await tools.lastOutput()).match(/Running/g)?.length ?? 0)
      .toBeGreaterThanOrEqual(2);
    await tools.console.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(tools.console.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0);
    const before = await tools.lastOutput();
    await page.evaluate(() => window.shipshape!.exec('kubectl scale deployment api --replicas=4'));
    await tools.advance(20_000);
    await page.waitForTimeout(300);
    expect(await tools.lastOutput()).toBe(before);
  });

  test('↑ and ↓ walk the history, Tab completes, clear empties the scrollback', async () => {
    await tools.run('kubectl get nodes');
    await tools.run('etcdctl member list');
    await tools.input.fill('kubectl des');
    await tools.input.press('ArrowUp');
    await expect(tools.input).toHaveValue('etcdctl member list');
    await tools.input.press('ArrowUp');
    await expect(tools.input).toHaveValue('kubectl get nodes');
    await tools.input.press('ArrowDown');
    await tools.input.press('ArrowDown');
    await expect(tools.input).toHaveValue('kubectl des');

    await tools.input.press('Tab');
    await expect(tools.input).toHaveValue('kubectl describe ');
    await expect(tools.input).toBeFocused();
    await tools.input.pressSequentially('node ship-');
    await tools.input.press('Tab');
    await expect(tools.console.locator('.ss-console-candidates')).toHaveText(
      /ship-1\s*ship-2\s*ship-3/,
    );

    await tools.run('clear');
    await expect(tools.output.locator('.ss-console-entry')).toHaveCount(0);
  });

  test('keys typed in the console stay there (no lesson shortcuts)', async ({ page }) => {
    await tools.input.click();
    await page.keyboard.type('? f 1 ');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect(tools.input).toHaveValue('? f 1  ');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('after a rewind, the console says a command branches the timeline', async ({ page }) => {
    await tools.run('kubectl get nodes');
    const first = await page.evaluate(() => window.shipshape!.now());
    await tools.advance(10_000);
    await tools.run('etcdctl put later yes');
    await page.evaluate((t) => window.shipshape!.seek(t), first + 5_000);
    await expect(tools.console.getByRole('status')).toContainText(
      'A command run now starts a new branch: the 1 later action will be dropped.',
    );
    await tools.run('etcdctl put branch yes');
    await expect(tools.output.getByRole('note')).toContainText('You acted in the past');
    await expect(tools.output.getByText('dropped from the timeline', { exact: true })).toHaveCount(
      1,
    );
    await expect(tools.console.getByRole('status')).toHaveCount(0);
    const lines = await page.evaluate(() =>
      window.shipshape!.inputs().flatMap((i) => (i.kind === 'exec' ? [i.line] : [])),
    );
    expect(lines).toContain('etcdctl put branch yes');
    expect(lines).not.toContain('etcdctl put later yes');
  });
});
