import type { PodTemplateSpec } from '../../objects/workloads';

/** The label a Deployment adds to its ReplicaSets and their pods (apps.DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

// rand.SafeEncodeString's alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * rand.SafeEncodeString: each character becomes `alphanums[code % 27]`, so the decimal digits of
 * a hash turn into characters from 4-9 and b-f (`7d4b9c8f5c`).
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += ALPHANUMS[text.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
}

/** FNV-1a (32-bit) over the UTF-8 bytes of `text`, continuing from `hash`. */
export function fnv32a(text: string, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      }
    }
    if (code < 0x80) h = fnvByte(h, code);
    else if (code < 0x800) {
      h = fnvByte(h, 0xc0 | (code >> 6));
      h = fnvByte(h, 0x80 | (code & 63));
    } else if (code < 0x10000) {
      h = fnvByte(h, 0xe0 | (code >> 12));
      h = fnvByte(h, 0x80 | ((code >> 6) & 63));
      h = fnvByte(h, 0x80 | (code & 63));
    } else {
      h = fnvByte(h, 0xf0 | (code >> 18));
      h = fnvByte(h, 0x80 | ((code >> 12) & 63));
      h = fnvByte(h, 0x80 | ((code >> 6) & 63));
      h = fnvByte(h, 0x80 | (code & 63));
    }
  }
  return h;
}

/**
 * A canonical rendering: keys sorted, undefined dropped, and empty maps and lists dropped
 * (apimachinery's semantic equality treats nil and empty alike).
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
      continue;
    parts.push(`${JSON.stringify(key)}:${canonical(v)}`);
  }
  return `{${parts.join(',')}}`;
}

// Templates are immutable objects shared between versions of a Deployment or ReplicaSet (a
// status write keeps the spec by reference), so each is rendered and hashed once.
const templateHashState = new WeakMap<PodTemplateSpec, number>();
const withoutHashLabel = new WeakMap<PodTemplateSpec, string>();

/**
 * controller.ComputeHash: FNV-32a of the pod template, then of `collisionCount` (as 8 bytes,
 * little-endian uint32) when set, printed in decimal and passed through SafeEncodeString.
 * Upstream hashes Go's dump of the PodTemplateSpec struct; this hashes a canonical JSON
 * rendering, so the values differ from a real cluster's but have the same shape and behaviour.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = templateHashState.get(template);
  if (h === undefined) {
    h = fnv32a(canonical(template));
    templateHashState.set(template, h);
  }
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    for (let i = 0; i < 4; i += 1) h = fnvByte(h, (c >>> (8 * i)) & 255);
    for (let i = 0; i < 4; i += 1) h = fnvByte(h, 0);
  }
  return safeEncodeString(String(h >>> 0));
}

function renderWithoutHash(template: PodTemplateSpec): string {
  let text = withoutHashLabel.get(template);
  if (text === undefined) {
    const labels = { ...template.metadata?.labels };
    delete labels[POD_TEMPLATE_HASH];
    text = canonical({ ...template, metadata: { ...template.metadata, labels } });
    withoutHashLabel.set(template, text);
  }
  return text;
}

/**
 * deploymentutil.EqualIgnoreHash: the two templates are semantically equal once the
 * pod-template-hash label is removed from both.
 */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return a === b || renderWithoutHash(a) === renderWithoutHash(b);
}
