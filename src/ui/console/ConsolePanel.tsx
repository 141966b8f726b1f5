import { useEffect, useId, useRef, useState } from 'react';
import { clockText } from '../../engine';
import { useSession } from '../../store';
import { ConsoleInput } from './ConsoleInput';
import { Transcript } from './Transcript';
import { YamlPaste } from './YamlPaste';
import { useConsole } from './appConsole';
import { usePanelTheme } from './keys';
import './panelTheme.css';
import './console.css';

/** Reads a running watch's new lines on each ~10 Hz view refresh (never per frame). */
function StreamPoller() {
  const view = useSession((s) => s.view);
  useEffect(() => {
    useConsole.getState().poll();
  }, [view]);
  return null;
}

/** After a rewind, says that a command now branches the timeline (Playback drops the rest). */
function BranchHint() {
  // Inputs on the timeline after the current moment: acting now would drop them.
  const later = useSession(
    (s) => s.playback.inputs().length - s.playback.simulation().inputs().length,
  );
  const now = useSession((s) => s.now);
  if (later === 0) return null;
  return (
    <p className="ss-console-branch" role="status">
      You are at {clockText(now)}, before the end of the timeline. A command run now starts a new
      branch: the {later} later action{later === 1 ? '' : 's'} will be dropped.
    </p>
  );
}

/**
 * The console: a terminal for a useful subset of kubectl and etcdctl (and `fault`, `help`),
 * answered by the simulated cluster. Every command is an input on the timeline.
 */
export function ConsolePanel() {
  const theme = usePanelTheme();
  const entries = useConsole((s) => s.entries);
  const stream = useConsole((s) => s.stream);
  const [yamlOpen, setYamlOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const yamlId = useId();

  return (
    <section className="ss-panel ss-console" data-theme={theme} aria-label="Console">
      <header className="ss-console-header">
        <h2>Console</h2>
        <span className="ss-console-hint">
          kubectl · etcdctl · fault · help — ↑↓ history, Tab completes
        </span>
        <span className="ss-console-spacer" />
        <button
          type="button"
          aria-expanded={yamlOpen}
          aria-controls={yamlId}
          onClick={() => setYamlOpen((open) => !open)}
        >
          Paste YAML
        </button>
        <button
          type="button"
          aria-label="Clear console"
          title="Clear the console (Ctrl+L)"
          onClick={() => useConsole.getState().clear()}
        >
          Clear
        </button>
      </header>
      <Transcript entries={entries} onActivate={() => input.current?.focus()} />
      <BranchHint />
      {stream && <StreamPoller />}
      {stream && (
        <div className="ss-console-streambar">
          <span>
            Watching <code>{stream.line}</code>
          </span>
          <button type="button" onClick={() => useConsole.getState().interrupt('')}>
            Stop
          </button>
        </div>
      )}
      <ConsoleInput inputRef={input} />
      <div id={yamlId} hidden={!yamlOpen}>
        {yamlOpen && <YamlPaste />}
      </div>
    </section>
  );
}
