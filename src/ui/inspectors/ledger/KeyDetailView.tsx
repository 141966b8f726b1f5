import { useMemo } from 'react';
import { useInspector } from '../inspectorStore';
import type { EtcdKv } from './etcdJson';
import { diffValues, showValue } from './value';
import { useKeyDetail } from './useLedger';

const STOPS = {
  created: 'This is where the key was created.',
  compacted: 'Older revisions were compacted: etcd has forgotten them.',
  limit: 'Older versions are not shown.',
  error: 'Could not read further back.',
} as const;

function Changes({ older, newer }: { older: EtcdKv; newer: EtcdKv }) {
  const changes = useMemo(() => {
    const a = showValue(older.value ?? '');
    const b = showValue(newer.value ?? '');
    return diffValues(a.json ? a.parsed : a.text, b.json ? b.parsed : b.text, 12);
  }, [older, newer]);
  if (changes.length === 0) return <span className="ss-insp-muted">no visible change</span>;
  return (
    <ul className="ss-ledger-changes">
      {changes.map((c) => (
        <li key={c.path}>
          <code>{c.path}</code>{' '}
          {c.kind === 'added' ? (
            <>added {c.after}</>
          ) : c.kind === 'removed' ? (
            <>removed (was {c.before})</>
          ) : (
            <>
              {c.before} → {c.after}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One key: revisions, its value (pretty JSON), and its history with what changed each time. */
export function KeyDetailView({ modRevision }: { modRevision: number | undefined }) {
  const key = useInspector((s) => s.ledgerKey);
  const detail = useKeyDetail(key, modRevision);
  if (key === undefined || detail === undefined) {
    return <p className="ss-insp-note">Choose a key to see its value and history.</p>;
  }
  if (detail.state === 'missing')
    return <p className="ss-insp-note">The key {key} is not in the ledger any more (deleted).</p>;
  if (detail.state === 'error') return <pre className="ss-insp-error">{detail.message}</pre>;
  const { kv, history } = detail;
  const value = showValue(kv.value ?? '');
  return (
    <section className="ss-insp-section ss-ledger-detail" aria-labelledby="ss-ledger-detail">
      <h3 id="ss-ledger-detail" className="ss-ledger-detail-key">
        {kv.key}
      </h3>
      <dl className="ss-insp-facts">
        <dt>Created at revision</dt>
        <dd>{kv.createRevision}</dd>
        <dt>Last modified at revision</dt>
        <dd>{kv.modRevision}</dd>
        <dt>Version (writes since created)</dt>
        <dd>{kv.version}</dd>
      </dl>
      <h4>Value</h4>
      {value.json && (
        <p className="ss-insp-muted ss-insp-small">
          Shown as JSON so you can read it. A real cluster stores Kubernetes objects in etcd as
          protobuf (binary, starting with <code>k8s\0</code>).
        </p>
      )}
      <pre className="ss-insp-pre" tabIndex={0} aria-label={`Value of ${kv.key}`}>
        {value.text}
      </pre>
      <h4>History</h4>
      <ol className="ss-ledger-history">
        {history.versions.map((v, i) => {
          const older = history.versions[i + 1];
          return (
            <li key={v.modRevision}>
              <span className="ss-ledger-histhead">
                revision {v.modRevision} · version {v.version}
              </span>
              {older ? (
                <Changes older={older} newer={v} />
              ) : (
                history.stop === 'created' && <span className="ss-insp-muted">created</span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="ss-insp-muted ss-insp-small">
        {STOPS[history.stop]} Read back with <code>etcdctl get {kv.key} --rev=N</code>.
      </p>
    </section>
  );
}
