import type { FieldError } from './errors';
import type { KObject, LabelSelector, Taint, Toleration } from '../objects/meta';
import type { Container, Deployment, Pod, PodSpec, ReplicaSet } from '../objects/workloads';
import type { Node, Service } from '../objects/cluster';
import { matchesSelector } from '../objects/labels';
import { isQuantity, parseQuantity } from '../objects/quantity';
import type { ResourceName } from '../objects/resources';

// Validation in the API server's own words (k8s.io/apimachinery/pkg/util/validation and
// pkg/apis/*/validation). Only the rules a learner can trip over are modelled.

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Message =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Go's `%#v` of a string map, as validation messages print it. */
export function goMap(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return `map[string]string{${entries.map(([k, v]) => `"${k}":"${v}"`).join(', ')}}`;
}

const value = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
const invalidValue = (field: string, v: unknown, detail: string): FieldError => ({
  field,
  detail: `Invalid value: ${value(v)}: ${detail}`,
});
const required = (field: string, detail?: string): FieldError => ({
  field,
  detail: detail ? `Required value: ${detail}` : 'Required value',
});
const unsupported = (field: string, v: string, supported: string[]): FieldError => ({
  field,
  detail: `Unsupported value: "${v}": supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});

function validateName(resource: ResourceName, name: string): FieldError[] {
  if (!name) return [required('metadata.name', 'name or generateName is required')];
  if (resource === 'services') {
    if (name.length > 63 || !dns1035Label.test(name))
      return [invalidValue('metadata.name', name, dns1035Message)];
    return [];
  }
  if (resource === 'namespaces') {
    if (name.length > 63 || !dns1123Label.test(name))
      return [invalidValue('metadata.name', name, labelMessage)];
    return [];
  }
  if (name.length > 253)
    return [invalidValue('metadata.name', name, 'must be no more than 253 characters')];
  if (!dns1123Subdomain.test(name)) return [invalidValue('metadata.name', name, subdomainMessage)];
  return [];
}

function validateResources(container: Container, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const { requests = {}, limits = {} } = container.resources ?? {};
  for (const [kind, list] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const [name, q] of Object.entries(list)) {
      if (q === undefined) continue;
      if (!isQuantity(q))
        errors.push(
          invalidValue(`${path}.resources.${kind}[${name}]`, q, 'must be a valid quantity'),
        );
    }
  }
  for (const name of ['cpu', 'memory'] as const) {
    const request = parseQuantity(requests[name]);
    const limit = parseQuantity(limits[name]);
    if (request !== undefined && limit !== undefined && request > limit) {
      errors.push(
        invalidValue(
          `${path}.resources.requests`,
          requests[name],
          `must be less than or equal to ${name} limit of ${limits[name]}`,
        ),
      );
    }
  }
  return errors;
}

function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.operator && t.operator !== 'Exists' && t.operator !== 'Equal')
      errors.push(unsupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.operator === 'Exists' && t.value)
      errors.push(
        invalidValue(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"),
      );
    if (!t.key && t.operator !== 'Exists')
      errors.push(
        invalidValue(
          `${p}.operator`,
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errors.push(
        unsupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errors.push(
        invalidValue(
          `${p}.effect`,
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
  });
  return errors;
}

/** Validates a pod spec (also a template's, under `path`). */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec) return [required(path)];
  const errors: FieldError[] = [];
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    errors.push(required(`${path}.containers`));
    return errors;
  }
  const names = new Set<string>();
  spec.containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    if (!c.name) errors.push(required(`${p}.name`));
    else if (!dns1123Label.test(c.name))
      errors.push(invalidValue(`${p}.name`, c.name, labelMessage));
    else if (names.has(c.name))
      errors.push({ field: `${p}.name`, detail: `Duplicate value: "${c.name}"` });
    names.add(c.name);
    if (!c.image || !c.image.trim()) errors.push(required(`${p}.image`));
    if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
      errors.push(
        unsupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']),
      );
    }
    (c.ports ?? []).forEach((port, j) => {
      if (
        !Number.isInteger(port.containerPort) ||
        port.containerPort < 1 ||
        port.containerPort > 65535
      ) {
        errors.push(
          invalidValue(
            `${p}.ports[${j}].containerPort`,
            port.containerPort,
            'must be between 1 and 65535, inclusive',
          ),
        );
      }
      if (port.hostPort !== undefined && (port.hostPort < 1 || port.hostPort > 65535)) {
        errors.push(
          invalidValue(
            `${p}.ports[${j}].hostPort`,
            port.hostPort,
            'must be between 1 and 65535, inclusive',
          ),
        );
      }
    });
    errors.push(...validateResources(c, p));
  });
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errors.push(
      unsupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']),
    );
  }
  errors.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errors;
}

function validateSelector(
  selector: LabelSelector | undefined,
  templateLabels: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  if (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 &&
      (selector.matchExpressions ?? []).length === 0)
  ) {
    return [required(`${path}.selector`)];
  }
  if (!matchesSelector(templateLabels, selector)) {
    return [
      {
        field: `${path}.template.metadata.labels`,
        detail: `Invalid value: ${goMap(templateLabels)}: \`selector\` does not match template \`labels\``,
      },
    ];
  }
  return [];
}

function validateWorkload(obj: Deployment | ReplicaSet): FieldError[] {
  const errors: FieldError[] = [];
  const spec = obj.spec;
  if (!spec) return [required('spec')];
  if (spec.replicas !== undefined && (!Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    errors.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  errors.push(...validateSelector(spec.selector, spec.template?.metadata?.labels, 'spec'));
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const policy = spec.template?.spec?.restartPolicy;
  if (policy && policy !== 'Always')
    errors.push(unsupported('spec.template.spec.restartPolicy', policy, ['Always']));
  return errors;
}

function validateService(svc: Service): FieldError[] {
  const errors: FieldError[] = [];
  const spec = svc.spec;
  if (!spec) return [required('spec')];
  if (spec.type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type)) {
    errors.push(
      unsupported('spec.type', spec.type, [
        'ClusterIP',
        'ExternalName',
        'LoadBalancer',
        'NodePort',
      ]),
    );
  }
  if (!Array.isArray(spec.ports) || spec.ports.length === 0) errors.push(required('spec.ports'));
  (spec.ports ?? []).forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535)
      errors.push(invalidValue(`${p}.port`, port.port, 'must be between 1 and 65535, inclusive'));
    if (port.protocol && !['TCP', 'UDP', 'SCTP'].includes(port.protocol))
      errors.push(unsupported(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
    if (typeof port.targetPort === 'number' && (port.targetPort < 1 || port.targetPort > 65535)) {
      errors.push(
        invalidValue(`${p}.targetPort`, port.targetPort, 'must be between 1 and 65535, inclusive'),
      );
    }
    if (spec.ports.length > 1 && !port.name) errors.push(required(`${p}.name`));
  });
  return errors;
}

function validateTaints(taints: Taint[] | undefined): FieldError[] {
  const errors: FieldError[] = [];
  (taints ?? []).forEach((t, i) => {
    if (!t.key) errors.push(required(`spec.taints[${i}].key`));
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errors.push(
        unsupported(`spec.taints[${i}].effect`, String(t.effect), [
          'NoSchedule',
          'PreferNoSchedule',
          'NoExecute',
        ]),
      );
    }
  });
  return errors;
}

/** Validates an object about to be created. */
export function validateCreate(resource: ResourceName, obj: KObject): FieldError[] {
  const errors = validateName(resource, obj.metadata.name);
  switch (resource) {
    case 'pods':
      errors.push(...validatePodSpec((obj as Pod).spec, 'spec'));
      break;
    case 'deployments':
    case 'replicasets':
      errors.push(...validateWorkload(obj as Deployment | ReplicaSet));
      break;
    case 'services':
      errors.push(...validateService(obj as Service));
      break;
    case 'nodes':
      errors.push(...validateTaints((obj as Node).spec?.taints));
      break;
    default:
      break;
  }
  return errors;
}

/** Validates an update of `old` to `obj` (immutable fields included). */
export function validateUpdate(resource: ResourceName, old: KObject, obj: KObject): FieldError[] {
  const errors = validateCreate(resource, obj).filter((e) => e.field !== 'metadata.name');
  if (resource === 'deployments' || resource === 'replicasets') {
    const before = JSON.stringify((old as Deployment).spec.selector);
    if (before !== JSON.stringify((obj as Deployment).spec.selector)) {
      errors.push({
        field: 'spec.selector',
        detail: `Invalid value: v1.LabelSelector${before}: field is immutable`,
      });
    }
  }
  if (resource === 'pods') {
    const a = (old as Pod).spec;
    const b = (obj as Pod).spec;
    const strip = (s: PodSpec) =>
      JSON.stringify({
        ...s,
        containers: s.containers.map((c) => ({ ...c, image: '' })),
        tolerations: undefined,
        nodeName: undefined,
      });
    if (strip(a) !== strip(b)) {
      errors.push({
        field: 'spec',
        detail:
          'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      });
    }
  }
  if (resource === 'services') {
    const before = (old as Service).spec.clusterIP;
    const after = (obj as Service).spec.clusterIP;
    if (before && after && before !== after)
      errors.push({
        field: 'spec.clusterIPs[0]',
        detail: `Invalid value: []string{"${after}"}: may not change once set`,
      });
  }
  return errors;
}
