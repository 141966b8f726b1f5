import type { Probe } from '../../objects/workloads';
import type { World } from '../../sim/world';
import type { ContainerRecord, PodRecord, ProbeState } from './records';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** What the prober needs from its kubelet. */
export type ProberHost = {
  /** Whether the test lets this probe pass now (`setProbeHealth`; startup probes always pass). */
  healthy(rec: PodRecord, c: ContainerRecord, kind: ProbeKind): boolean;
  startupSucceeded(rec: PodRecord, c: ContainerRecord): void;
  readinessChanged(rec: PodRecord, c: ContainerRecord): void;
  livenessFailed(rec: PodRecord, c: ContainerRecord): void;
  unhealthy(rec: PodRecord, c: ContainerRecord, kind: ProbeKind, output: string): void;
};

const LABEL: Record<ProbeKind, 'Startup' | 'Readiness' | 'Liveness'> = {
  startup: 'Startup',
  readiness: 'Readiness',
  liveness: 'Liveness',
};

/** `Readiness` for messages. */
export function probeLabel(kind: ProbeKind): 'Startup' | 'Readiness' | 'Liveness' {
  return LABEL[kind];
}

/** What a failing probe reports (pkg/probe/http, tcp, exec). */
export function probeOutput(probe: Probe, podIP: string | undefined): string {
  if (probe.httpGet) return 'HTTP probe failed with statuscode: 503';
  if (probe.tcpSocket)
    return `dial tcp ${podIP ?? '0.0.0.0'}:${probe.tcpSocket.port}: connect: connection refused`;
  const command = probe.exec?.command ?? [];
  if (command[0] === 'cat' && command[1])
    return `cat: can't open '${command[1]}': No such file or directory`;
  return '';
}

/**
 * The kubelet's probe workers (pkg/kubelet/prober/worker.go), one per probe of a running
 * container. Probes tick every `periodSeconds` from `initialDelaySeconds` after the container
 * started; a result flips after `failureThreshold` failures or `successThreshold` successes. A
 * worker whose result already matches the container's health schedules nothing: the ticks it
 * skips could not change anything, so the simulation only pays for probes that matter.
 */
export class Prober {
  constructor(
    private readonly world: World,
    private readonly host: ProberHost,
  ) {}

  /** The container just started: start its workers (startup first, if it has one). */
  started(rec: PodRecord, c: ContainerRecord): void {
    this.stop(c);
    const spec = c.spec;
    if (spec.startupProbe) {
      c.started = false;
      c.ready = false;
      c.startup = { healthy: true, success: false, consecutive: 0 };
      this.arm(rec, c, 'startup', true);
      return;
    }
    c.started = true;
    this.afterStartup(rec, c);
  }

  /** Startup done (or none): readiness and liveness begin. */
  afterStartup(rec: PodRecord, c: ContainerRecord): void {
    const spec = c.spec;
    if (spec.readinessProbe) {
      c.ready = false;
      c.readiness = {
        healthy: this.host.healthy(rec, c, 'readiness'),
        success: false,
        consecutive: 0,
      };
      this.arm(rec, c, 'readiness', true);
    } else c.ready = true;
    if (spec.livenessProbe) {
      c.liveness = {
        healthy: this.host.healthy(rec, c, 'liveness'),
        success: true,
        consecutive: 0,
      };
      if (!c.liveness.healthy) this.arm(rec, c, 'liveness', true);
    }
  }

  /** The test changed a probe's health: wake its worker if it was resting. */
  healthChanged(rec: PodRecord, c: ContainerRecord, kind: ProbeKind): void {
    const state = this.state(c, kind);
    if (!state) return;
    state.healthy = this.host.healthy(rec, c, kind);
    if (state.timer === undefined && (state.healthy !== state.success || !state.healthy))
      this.arm(rec, c, kind, false);
  }

  /** The container stopped: its workers end. */
  stop(c: ContainerRecord): void {
    for (const kind of ['startup', 'readiness', 'liveness'] as const) {
      const state = this.state(c, kind);
      if (state?.timer !== undefined) this.world.agenda.cancel(state.timer);
    }
    c.startup = undefined;
    c.readiness = undefined;
    c.liveness = undefined;
  }

  private state(c: ContainerRecord, kind: ProbeKind): ProbeState | undefined {
    return kind === 'startup' ? c.startup : kind === 'readiness' ? c.readiness : c.liveness;
  }

  private probe(c: ContainerRecord, kind: ProbeKind): Probe | undefined {
    return kind === 'startup'
      ? c.spec.startupProbe
      : kind === 'readiness'
        ? c.spec.readinessProbe
        : c.spec.livenessProbe;
  }

  /** Schedules the worker's next tick: the first one due at or (`atOrAfter` false) after now. */
  private arm(rec: PodRecord, c: ContainerRecord, kind: ProbeKind, atOrAfter: boolean): void {
    const state = this.state(c, kind);
    const probe = this.probe(c, kind);
    if (!state || !probe || c.instance?.startedAt === undefined) return;
    const { timings, agenda } = this.world;
    const period = (probe.periodSeconds ?? timings.probePeriod / 1000) * 1000;
    const first = c.instance.startedAt + (probe.initialDelaySeconds ?? 0) * 1000;
    const now = agenda.now();
    let at = first;
    if (now > first || (!atOrAfter && now === first)) {
      const k = Math.floor((now - first) / period) + 1;
      at = first + k * period;
      if (atOrAfter && (now - first) % period === 0) at = now;
    }
    state.timer = agenda.at(at, () => this.tick(rec, c, kind));
  }

  private tick(rec: PodRecord, c: ContainerRecord, kind: ProbeKind): void {
    const state = this.state(c, kind);
    const probe = this.probe(c, kind);
    if (!state || !probe) return;
    state.timer = undefined;
    if (c.phase !== 'Running') return;
    const { timings } = this.world;
    const healthy = kind === 'startup' ? true : this.host.healthy(rec, c, kind);
    state.healthy = healthy;
    if (!healthy) this.host.unhealthy(rec, c, kind, probeOutput(probe, rec.podIP));
    if (healthy === state.success) state.consecutive = 0;
    else {
      state.consecutive += 1;
      const threshold = healthy
        ? (probe.successThreshold ?? timings.probeSuccessThreshold)
        : (probe.failureThreshold ?? timings.probeFailureThreshold);
      if (state.consecutive >= threshold) {
        state.success = healthy;
        state.consecutive = 0;
        if (kind === 'startup') {
          c.started = true;
          c.startup = undefined;
          this.afterStartup(rec, c);
          this.host.startupSucceeded(rec, c);
          return;
        }
        if (kind === 'readiness') {
          c.ready = healthy && c.started;
          this.host.readinessChanged(rec, c);
        } else if (!healthy) {
          this.host.livenessFailed(rec, c);
          return;
        }
      }
    }
    if (!healthy || healthy !== state.success) this.arm(rec, c, kind, false);
  }
}
