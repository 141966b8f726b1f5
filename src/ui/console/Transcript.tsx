import { memo, useLayoutEffect, useRef } from 'react';
import { clockText } from '../../engine';
import type { Entry } from './transcript';

/** One command and what it printed, exactly as returned (columns stay aligned). */
const EntryView = memo(function EntryView({ entry }: { entry: Entry }) {
  if (entry.kind === 'notice') {
    return (
      <div className="ss-console-notice" role="note">
        {entry.text}
      </div>
    );
  }
  const className = [
    'ss-console-entry',
    entry.ok ? '' : 'is-error',
    entry.dropped ? 'is-dropped' : '',
  ].join(' ');
  return (
    <div className={className}>
      <div className="ss-console-prompt">
        <span className="ss-console-time" title="Simulated time the command ran">
          {clockText(entry.at).slice(0, 8)}
        </span>
        <span aria-hidden="true" className="ss-console-ps1">
          $
        </span>
        <span className="ss-console-line">{entry.line}</span>
        {entry.note && <span className="ss-console-note"> # {entry.note}</span>}
        {!entry.ok && <span className="ss-visually-hidden"> (failed)</span>}
        {entry.dropped && (
          <span className="ss-console-tag" title="A later command branched the timeline">
            dropped from the timeline
          </span>
        )}
      </div>
      {entry.output !== '' && <pre className="ss-console-output-text">{entry.output}</pre>}
      {entry.streamLines && entry.streamLines.length > 0 && (
        <pre className="ss-console-output-text">{entry.streamLines.join('\n')}</pre>
      )}
      {entry.streaming && <div className="ss-console-streaming">watching… (Ctrl+C to stop)</div>}
      {entry.streaming === false && !entry.streamEnd && (
        <div className="ss-console-streamend">^C</div>
      )}
      {entry.streamEnd && <div className="ss-console-streamend">{entry.streamEnd}</div>}
    </div>
  );
});

/**
 * The console's scrollback. It keeps to the bottom as output arrives, unless the student has
 * scrolled up to read something.
 */
export function Transcript({
  entries,
  onActivate,
}: {
  entries: readonly Entry[];
  onActivate: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [entries]);
  return (
    <div
      ref={box}
      className="ss-console-scroll"
      role="log"
      aria-label="Console output"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      onClick={() => {
        // Clicking the terminal types into it, unless the click was selecting text to copy.
        if (window.getSelection()?.isCollapsed ?? true) onActivate();
      }}
    >
      {entries.length === 0 && (
        <p className="ss-console-welcome">
          Type a command and press Enter: try <code>kubectl get nodes</code>,{' '}
          <code>etcdctl get /registry/minions/ --prefix --keys-only</code> or <code>help</code>.
        </p>
      )}
      {entries.map((entry) => (
        <EntryView key={entry.id} entry={entry} />
      ))}
    </div>
  );
}
