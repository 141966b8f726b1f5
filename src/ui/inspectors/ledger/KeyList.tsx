import { memo, useMemo, useState } from 'react';
import { useSession } from '../../../store';
import { keepKeysLocal } from '../../console/keys';
import { matcher } from '../events/rows';
import { useThrottled } from '../hooks';
import { useInspector } from '../inspectorStore';
import { FOLDER_NOTES } from './keys';
import type { LedgerKeys } from './useLedger';

/** Keys shown per folder before "show more" (a big fleet has thousands of events). */
const PAGE = 200;

type KeyRowProps = {
  name: string;
  prefix: string;
  modRevision: number;
  version: number;
  recent: boolean;
  selected: boolean;
  onSelect: (key: string) => void;
};

/** One key; re-renders only when its own revision, flash or selection changes. */
const KeyRow = memo(function KeyRow({
  name,
  prefix,
  modRevision,
  version,
  recent,
  selected,
  onSelect,
}: KeyRowProps) {
  return (
    <li>
      <button
        type="button"
        className={`ss-ledger-key${recent ? ' is-recent' : ''}`}
        aria-pressed={selected}
        onClick={() => onSelect(name)}
      >
        <span className="ss-ledger-keyname">
          {prefix && <span className="ss-insp-muted">{prefix}</span>}
          {name.slice(prefix.length)}
        </span>
        <span className="ss-insp-muted ss-ledger-rev">
          mod {modRevision} · v{version}
        </span>
      </button>
    </li>
  );
});

/** The ledger's keys by registry folder; a key flashes for a few seconds after a write. */
export function KeyList({ keys }: { keys: LedgerKeys }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(['other']));
  const [shown, setShown] = useState<Readonly<Record<string, number>>>({});
  const [filter, setFilter] = useState('');
  const selected = useInspector((s) => s.ledgerKey);
  const select = useInspector((s) => s.setLedgerKey);
  const lastWrites = useThrottled(
    useSession((s) => s.view.ledger.lastWrites),
    500,
  );
  const recent = useMemo(() => new Set(lastWrites.map((w) => w.key)), [lastWrites]);

  if (keys.state === 'error') return <pre className="ss-insp-error">{keys.message}</pre>;
  const match = matcher(filter);
  const toggle = (name: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <section className="ss-insp-section ss-ledger-keys" aria-labelledby="ss-ledger-keys">
      <h3 id="ss-ledger-keys">Keys ({keys.count})</h3>
      <input
        type="search"
        className="ss-insp-filter"
        aria-label="Filter keys"
        placeholder="Filter keys"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={keepKeysLocal}
      />
      <ul className="ss-ledger-groups">
        {keys.groups.map((group) => {
          const list = filter ? group.keys.filter((k) => match(k.key)) : group.keys;
          if (filter && list.length === 0) return null;
          const expanded = open.has(group.name) || filter !== '';
          const limit = shown[group.name] ?? PAGE;
          const writes = list.filter((k) => recent.has(k.key)).length;
          return (
            <li key={group.name}>
              <button
                type="button"
                className="ss-ledger-group"
                aria-expanded={expanded}
                onClick={() => toggle(group.name)}
              >
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
                {group.prefix || 'other keys'}{' '}
                <span className="ss-insp-muted">
                  ({list.length}){' '}
                  {FOLDER_NOTES[group.name] ??
                    (group.name === 'other' ? 'written with etcdctl' : '')}
                </span>
                {writes > 0 && <span className="ss-ledger-written"> · {writes} just written</span>}
              </button>
              {expanded && (
                <ul className="ss-ledger-keylist">
                  {list.slice(0, limit).map((kv) => (
                    <KeyRow
                      key={kv.key}
                      name={kv.key}
                      prefix={group.prefix}
                      modRevision={kv.modRevision}
                      version={kv.version}
                      recent={recent.has(kv.key)}
                      selected={selected === kv.key}
                      onSelect={select}
                    />
                  ))}
                  {list.length > limit && (
                    <li>
                      <button
                        type="button"
                        onClick={() => setShown({ ...shown, [group.name]: limit + PAGE })}
                      >
                        Show {Math.min(PAGE, list.length - limit)} more of {list.length - limit}
                      </button>
                    </li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
