/** A key as `etcdctl get -w json` reports it (mvccpb.KeyValue), with key and value decoded. */
export type EtcdKv = {
  readonly key: string;
  readonly value?: string;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
};

/** The answer of one `etcdctl get … -w json`. */
export type EtcdGet = { readonly revision: number; readonly kvs: readonly EtcdKv[] };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * etcdctl prints keys and values as base64 in JSON (they are bytes). Decodes them when they are
 * valid base64 of valid UTF-8; a key that is already readable (starts with `/`) is kept as is.
 */
export function decodeEtcdBytes(text: string): string {
  if (text === '' || text.startsWith('/') || !BASE64.test(text)) return text;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return text;
  }
  // Most keys are ASCII: no need for a UTF-8 decoder then (a big ledger has thousands of keys).
  if (!/[\x80-\xff]/.test(binary)) return binary;
  try {
    return utf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return text;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function num(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) || 0 : 0;
}

/**
 * Parses `etcdctl get … -w json`: `{"header":{"revision":…},"kvs":[{"key":"L3Jl…",
 * "create_revision":…,"mod_revision":…,"version":…,"value":"…"}],"count":…}`. No `kvs` means
 * no key matched.
 */
export function parseEtcdJson(output: string): EtcdGet | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(output);
  } catch {
    return { error: output.trim() || 'etcdctl printed nothing' };
  }
  if (typeof data !== 'object' || data === null) return { error: 'unexpected etcdctl output' };
  const record = data as { header?: { revision?: unknown }; kvs?: unknown };
  const kvs = Array.isArray(record.kvs) ? record.kvs : [];
  return {
    revision: num(record.header?.revision),
    kvs: kvs.map((raw: Record<string, unknown>) => {
      const kv: EtcdKv = {
        key: decodeEtcdBytes(String(raw.key ?? '')),
        createRevision: num(raw.create_revision),
        modRevision: num(raw.mod_revision),
        version: num(raw.version),
      };
      return typeof raw.value === 'string' ? { ...kv, value: decodeEtcdBytes(raw.value) } : kv;
    }),
  };
}
