// The sections `kubectl describe` prints for many kinds (labels, annotations, taints,
// tolerations, containers, pod templates, conditions, events), after kubectl's describe.go.

import type { Condition, KObject, Taint, Toleration } from '../objects/meta';
import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
} from '../objects/workloads';
import type { KEvent } from '../objects/cluster';
import { rfc1123z, since } from './timefmt';
import { tabwrite } from './tabwriter';

/** describe.go's PrefixWriter: each level indents by two more spaces. */
export class Writer {
  private readonly parts: string[] = [];
  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }
  /** The aligned text, without its final newline. */
  toString(): string {
    return tabwrite(this.parts.join(''), { minwidth: 0, padding: 2 }).replace(/\n$/, '');
  }
}

const ANNOTATIONS_SKIPPED = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION = 140;

export function labelsMultiline(
  w: Writer,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

export function annotationsMultiline(
  w: Writer,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !ANNOTATIONS_SKIPPED.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else w.write(0, `${key}: ${value}\n`);
  });
}

/** `key=value:Effect`, as Taint.ToString prints a taint. */
export function taintText(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function taintsMultiline(
  w: Writer,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintText(t)}\n`);
  });
}

/** A toleration as describe prints it: `node.kubernetes.io/unreachable:NoExecute op=Exists for 300s`. */
export function tolerationText(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function tolerationsMultiline(
  w: Writer,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  // sort.Slice is not stable; ties (equal keys) keep their order here.
  const list = [...(tolerations ?? [])].sort((a, b) => {
    const ka = a.key ?? '';
    const kb = b.key ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${tolerationText(t)}\n`);
  });
}

/** The events about an object, oldest first (event.SortableEvents sorts by lastTimestamp). */
export function eventsFor(all: readonly KEvent[], obj: KObject): KEvent[] {
  return all
    .filter(
      (e) =>
        e.involvedObject.kind === obj.kind &&
        e.involvedObject.name === obj.metadata.name &&
        (obj.metadata.namespace === undefined ||
          (e.involvedObject.namespace ?? e.metadata.namespace) === obj.metadata.namespace) &&
        (!e.involvedObject.uid || !obj.metadata.uid || e.involvedObject.uid === obj.metadata.uid),
    )
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ta = a.e.lastTimestamp || a.e.firstTimestamp || '';
      const tb = b.e.lastTimestamp || b.e.firstTimestamp || '';
      return ta < tb ? -1 : ta > tb ? 1 : a.i - b.i;
    })
    .map(({ e }) => e);
}

export function describeEvents(
  w: Writer,
  events: readonly KEvent[] | undefined,
  now: number,
): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = since(e.firstTimestamp, now);
    const interval =
      e.count > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}

export function controlledBy(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

function portsText(container: Container, host: boolean): string {
  return (container.ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`)
    .join(', ');
}

/** `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3` */
export function probeText(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${probe.exec.command.join(' ')}] ${attrs}`;
  if (probe.httpGet)
    return `http-get http://:${probe.httpGet.port}${probe.httpGet.path ?? ''} ${attrs}`;
  if (probe.tcpSocket) return `tcp-socket :${probe.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: Writer, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

export function describeContainers(
  w: Writer,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name);
    w.write(1, `${space ? ' ' : ''}${container.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${container.image}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = portsText(container, false);
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portsText(container, true);
    w.write(
      2,
      hostPorts.includes(',')
        ? `Host Ports:\t${hostPorts}\n`
        : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (container.command?.length) {
      w.write(2, 'Command:\n');
      for (const c of container.command) for (const s of c.split('\n')) w.write(3, `${s}\n`);
    }
    if (container.args?.length) {
      w.write(2, 'Args:\n');
      for (const a of container.args) for (const s of a.split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    for (const [title, list] of [
      ['Limits', container.resources?.limits],
      ['Requests', container.resources?.requests],
    ] as const) {
      const names = Object.keys(list ?? {})
        .filter((n) => list![n] !== undefined)
        .sort();
      if (names.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const n of names) w.write(3, `${n}:\t${list![n]}\n`);
    }
    if (container.livenessProbe) w.write(2, `Liveness:\t${probeText(container.livenessProbe)}\n`);
    if (container.readinessProbe)
      w.write(2, `Readiness:\t${probeText(container.readinessProbe)}\n`);
    if (container.startupProbe) w.write(2, `Startup:\t${probeText(container.startupProbe)}\n`);
    const env = container.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      (e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
    w.write(2, 'Mounts:\t<none>\n');
  }
}

/** Input a describer needs besides the object. */
export type DescribeContext = {
  now: number;
  /** Events about the object (undefined: the section is left out). */
  events?: KEvent[];
};

export function describePodTemplate(w: Writer, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  labelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    annotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (template.spec.serviceAccountName) {
    w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  }
  describeContainers(w, 'Containers', template.spec.containers ?? [], undefined, '  ');
  w.write(0, '  Volumes:\t<none>\n');
  if (template.spec.priorityClassName) {
    w.write(1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  }
  labelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', template.spec.tolerations);
}

export function conditionsWithReason(
  w: Writer,
  conditions: readonly Condition[] | undefined,
): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
