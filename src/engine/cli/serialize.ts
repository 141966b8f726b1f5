import { stringify } from 'yaml';

/** A deep copy with every object's keys sorted, as Go marshals a map. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = sortKeys(child);
    }
    return out;
  }
  return value;
}

/**
 * `-o yaml`: kubectl converts the object's JSON to YAML with sigs.k8s.io/yaml (go-yaml, YAML 1.1
 * rules), so keys are sorted, sequences are not indented under their key, and strings that YAML
 * 1.1 would read as something else ("yes", "on", a timestamp) are quoted.
 */
export function toYaml(value: unknown): string {
  return stringify(sortKeys(value), {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    sortMapEntries: true,
  }).replace(/\n$/, '');
}

/** `-o json`: json.MarshalIndent with four spaces; the object is a map, so keys are sorted. */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4);
}

/** The `List` kubectl prints for several objects with -o yaml / -o json. */
export function listOf(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Compact JSON with sorted keys: how kubectl writes last-applied-configuration. */
export function compactJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of a string's UTF-8 bytes (etcdctl -w json prints keys and values so). */
export function base64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}
