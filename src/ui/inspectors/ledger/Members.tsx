import { useSession } from '../../../store';
import type { LedgerView } from '../../../engine';

const WRITABLE: Record<LedgerView['writable'], string> = {
  ok: 'Writes are possible: a leader and a quorum are up.',
  'no-leader': 'No leader right now: writes wait until the clerks elect one.',
  'no-quorum':
    'No quorum: the ledger refuses every write, so the control ship cannot record anything. Containers already running keep running.',
};

/** The clerks (etcd members): who leads, who is up, and whether the ledger can take writes. */
export function Members() {
  const ledger = useSession((s) => s.view.ledger);
  const up = ledger.members.filter((m) => m.up).length;
  return (
    <section className="ss-insp-section" aria-labelledby="ss-ledger-members">
      <h3 id="ss-ledger-members">
        Clerks (etcd members) — revision {ledger.revision}, {ledger.keys} keys
      </h3>
      <p className={`ss-insp-writable is-${ledger.writable}`} role="status">
        {WRITABLE[ledger.writable]} ({up} of {ledger.members.length} up, quorum {ledger.quorum})
      </p>
      <table className="ss-insp-table">
        <thead>
          <tr>
            <th scope="col">Clerk</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Term</th>
            <th scope="col">Applied revision</th>
          </tr>
        </thead>
        <tbody>
          {ledger.members.map((m) => (
            <tr key={m.name}>
              <th scope="row">{m.name}</th>
              <td>{m.leader ? 'leader' : m.role}</td>
              <td className={m.up ? 'is-ok' : 'is-bad'}>{m.up ? 'up' : 'down'}</td>
              <td>{m.term}</td>
              <td>{m.appliedRevision}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
