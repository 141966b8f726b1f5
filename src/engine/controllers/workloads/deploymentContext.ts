// What every part of a Deployment sync shares: its context, the working copy of the Deployment,
// and how it reports.
import type { ApiClient } from '../../api/client';
import type { KObject } from '../../objects/meta';
import type { Deployment } from '../../objects/workloads';
import type { World } from '../../sim/world';
import { statusOf, REVISION, type DeploymentStatus } from './deploymentUtil';
import { api, type Flow } from './flow';
import type { EventRecorder } from '../../api/recorder';
import type { KcmInformers } from './sharedInformers';
import type { WorkloadSettings } from './settings';
import type { WorkQueue } from './workQueue';

/** Everything a Deployment sync uses. */
export type DeploymentSyncContext = {
  world: World;
  client: ApiClient;
  informers: KcmInformers;
  queue: WorkQueue;
  events: EventRecorder;
  settings: WorkloadSettings;
};

const ID = 'kcm/deployment';

/** Short name of the context inside the Deployment controller's files. */
export type Ctx = DeploymentSyncContext;

const subject = (d: KObject) => `deployment/${d.metadata.namespace}/${d.metadata.name}`;

/** Lights the Cargo office with what was done. */
export function busy(ctx: Ctx, action: string): void {
  const now = ctx.world.now();
  ctx.world.trace.office('cargo', now, now + ctx.settings.officeBusy, action);
}

/** Logs to the engine log; the text is built only when the trace keeps detail. */
export function log(ctx: Ctx, type: string, text: () => string, d: KObject): void {
  const { trace } = ctx.world;
  trace.event(ctx.world.now(), ID, type, trace.detail ? text() : '', subject(d));
}

/** A private copy the sync may change (Go's `d := deployment.DeepCopy()`), keeping its resourceVersion. */
export function workingCopy(d: Deployment): Deployment {
  const status = statusOf(d);
  return {
    ...d,
    metadata: { ...d.metadata, annotations: { ...d.metadata.annotations } },
    status: { ...status, ...(status.conditions ? { conditions: [...status.conditions] } : {}) },
  };
}

/**
 * A copy of the working copy to send: the API server keeps (and in tests freezes) what it is
 * given, nested objects included, while the sync goes on changing its working copy.
 */
export function snapshotOf(d: Deployment): Deployment {
  return {
    ...d,
    metadata: { ...d.metadata, annotations: { ...d.metadata.annotations } },
    status: { ...d.status },
  };
}

/** The working copy's status, typed with collisionCount and lastUpdateTime. */
export const work = (d: Deployment): DeploymentStatus => d.status as DeploymentStatus;

/**
 * UpdateStatus of the working copy. Upstream's status strategy also keeps metadata changes (the
 * revision annotation); the simulated API server's status subresource does not, so a changed
 * annotation follows as a metadata patch.
 */
export function* updateDeploymentStatus(ctx: Ctx, d: Deployment): Flow<Deployment> {
  const updated = yield* api<Deployment>((done) =>
    ctx.client.update('deployments', snapshotOf(d), done, 'status'),
  );
  const revision = d.metadata.annotations?.[REVISION];
  if (revision !== undefined && updated.metadata.annotations?.[REVISION] !== revision) {
    return yield* api<Deployment>((done) =>
      ctx.client.patch<Deployment>(
        'deployments',
        d.metadata.namespace,
        d.metadata.name,
        (current) => ({
          ...current,
          metadata: {
            ...current.metadata,
            annotations: { ...current.metadata.annotations, [REVISION]: revision },
          },
        }),
        done,
      ),
    );
  }
  return updated;
}
