import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { HUGE_DEPLOYMENT, Tools, WEB_DEPLOYMENT } from './toolsPage';

test.describe('the inspectors', () => {
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

  test('tabs are named and work from the keyboard', async ({ page }) => {
    const names = await tools.inspectors.getByRole('tab').allTextContents();
    expect(names).toEqual(['Ledger (etcd)', 'Cranes (scheduler)', 'Event log', 'Selection']);
    await tools.tab('Ledger (etcd)').click();
    await page.keyboard.press('ArrowRight');
    await expect(tools.tab('Cranes (scheduler)')).toHaveAttribute('aria-selected', 'true');
    await expect(tools.tab('Cranes (scheduler)')).toBeFocused();
    await page.keyboard.press('End');
    await expect(tools.tab('Selection')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tools.tab('Ledger (etcd)')).toHaveAttribute('aria-selected', 'true');
  });

  test('the cranes explain a container that fits nowhere, and a placement', async ({
    page,
  }, testInfo) => {
    await page.evaluate((yaml) => window.shipshape!.apply(yaml), WEB_DEPLOYMENT);
    await tools.advance(5_000);
    await page.evaluate((yaml) => window.shipshape!.apply(yaml), HUGE_DEPLOYMENT);
    await tools.advance(5_000);
    const panel = await tools.openTab('Cranes (scheduler)');

    const failed = panel.getByRole('button', { name: /huge-.*FailedScheduling/ }).first();
    await expect(failed).toBeVisible();
    await failed.click();
    await expect(failed).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.locator('.ss-cranes-message')).toHaveText(
      /^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 Insufficient cpu\./,
    );
    await expect(
      panel.getByText('The container waits on the dock: 0 of 4 ships can take it.'),
    ).toBeVisible();
    const table = panel.getByRole('table', { name: 'Filter and score per ship' });
    for (const ship of ['ship-1', 'ship-2', 'ship-3']) {
      await expect(
        table.getByRole('row', { name: new RegExp(`^${ship} Insufficient cpu`) }),
      ).toBeVisible();
    }
    await expect(
      table.getByRole('row', { name: /^control-plane .*untolerated taint/ }),
    ).toBeVisible();
    await expect(panel.getByText('Evaluated 4 of 4 ships, found 0 feasible.')).toBeVisible();

    const placed = panel.getByRole('button', { name: /web-.* bound → ship-\d/ }).first();
    await placed.click();
    await expect(panel.locator('.ss-cranes-message')).toHaveText(
      /^Successfully assigned default\/web-.* to ship-\d$/,
    );
    await expect(table.getByRole('row', { name: /✓ chosen/ })).toHaveCount(1);
    await expect(table.getByRole('columnheader', { name: 'Total' })).toBeVisible();
    const shot = testInfo.outputPath('cranes.png');
    await tools.inspectors.screenshot({ path: shot });
    await testInfo.attach('cranes', { path: shot, contentType: 'image/png' });
    await expect(table.getByRole('columnheader', { name: /NodeResources\s*Fit/ })).toBeVisible();
  });

  test('the event log lists Kubernetes Events and filters them', async ({ page }) => {
    await page.evaluate((yaml) => window.shipshape!.apply(yaml), HUGE_DEPLOYMENT);
    await tools.advance(5_000);
    const panel = await tools.openTab('Event log');
    const log = panel.getByRole('region', { name: 'Event log' });
    await expect(log).toContainText('FailedScheduling');
    await expect(log).toContainText('ScalingReplicaSet');
    await panel.getByLabel('Filter events').fill('failedscheduling');
    await expect(log).toContainText('0/4 nodes are available');
    await expect(log).not.toContainText('ScalingReplicaSet');
    await panel.getByLabel('Filter events').fill('');
    await panel.getByLabel('Show').selectOption({ label: 'Whole engine log (live)' });
    await expect(log).toContainText('runtime.up');
    await panel.getByLabel('Show').selectOption({ label: 'kubectl get events -A (every second)' });
    await expect(log).toContainText(/LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    await expect(log).toContainText(/Warning\s+FailedScheduling/);
  });

  test('the ledger shows its clerks and when writes stop', async ({ page }) => {
    // Three clerks: the Sandbox's highly available ledger.
    await page.evaluate(() => window.shipshape!.loadScenario('sandbox'));
    const panel = await tools.openTab('Ledger (etcd)');
    const clerks = panel.getByRole('table').first();
    await expect(clerks.getByRole('row', { name: /^etcd-0 leader up/ })).toBeVisible();
    await expect(panel.getByText(/Writes are possible/)).toBeVisible();
    await page.evaluate(() => {
      window.shipshape!.inject({ kind: 'stop-etcd-member', member: 'etcd-1' });
      window.shipshape!.inject({ kind: 'stop-etcd-member', member: 'etcd-2' });
    });
    await tools.advance(5_000);
    await expect(panel.getByText(/No quorum: the ledger refuses every write/)).toBeVisible();
    await expect(clerks.getByRole('row', { name: /^etcd-1 .* down/ })).toBeVisible();
  });

  test('the ledger lists keys by folder, with a key’s value and history', async () => {
    await tools.run('etcdctl put greeting hello');
    await tools.run('etcdctl put greeting again');
    const panel = await tools.openTab('Ledger (etcd)');
    await expect(panel.getByRole('button', { name: /^\/registry\/minions\/ \(4\)/ })).toBeVisible();
    await panel.getByRole('button', { name: /^greeting/ }).click();
    await expect(panel.getByRole('heading', { name: 'greeting' })).toBeVisible();
    await expect(panel.getByLabel('Value of greeting')).toHaveText('again');
    await expect(panel.getByText(/"hello" → "again"/)).toBeVisible();
    const nodes = panel.getByRole('button', { name: /^\/registry\/minions\/ \(4\)/ });
    await expect(nodes).toHaveAttribute('aria-expanded', 'false');
    await nodes.click();
    await expect(nodes).toHaveAttribute('aria-expanded', 'true');
    await panel
      .getByRole('button', { name: /ship-1/ })
      .first()
      .click();
    await expect(panel.getByLabel('Value of /registry/minions/ship-1')).toContainText(
      '"kind": "Node"',
    );
  });

  test('the selection shows a ship picked in the outline', async ({ page }) => {
    await page
      .getByRole('treeitem', { name: /ship-2/ })
      .first()
      .locator('.outline-row')
      .first()
      .click();
    await expect(tools.tab('Selection')).toHaveAttribute('aria-selected', 'true');
    const panel = tools.inspectors.getByRole('tabpanel');
    await expect(panel.getByRole('heading', { name: 'Ship ship-2' })).toBeVisible();
    await expect(panel.getByText('cargo ship (worker node)')).toBeVisible();
    await expect(
      panel.getByRole('heading', { name: 'kubectl describe node ship-2' }),
    ).toBeVisible();
    await expect(panel.getByLabel('Output of kubectl describe node ship-2')).toContainText(
      'Name:               ship-2',
    );
  });
});
