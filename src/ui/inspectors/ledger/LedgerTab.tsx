import { useInspector } from '../inspectorStore';
import { KeyDetailView } from './KeyDetailView';
import { KeyList } from './KeyList';
import { Members } from './Members';
import { useLedgerKeys } from './useLedger';

/** The ledger (etcd): its clerks, its keys by folder, and one key's value and history. */
export function LedgerTab() {
  const keys = useLedgerKeys();
  const selected = useInspector((s) => s.ledgerKey);
  let modRevision: number | undefined;
  if (keys.state === 'ok' && selected !== undefined) {
    for (const group of keys.groups) {
      const kv = group.keys.find((k) => k.key === selected);
      if (kv) modRevision = kv.modRevision;
    }
  }
  return (
    <div className="ss-ledger">
      <Members />
      <div className="ss-ledger-split">
        <KeyList keys={keys} />
        {keys.state === 'ok' && <KeyDetailView modRevision={modRevision} />}
      </div>
    </div>
  );
}
