import { useEffect, useId, useRef, useState } from 'react';
import { useUi } from '../../store';
import { Icon } from '../layout';
import { loadScenarioFile } from './loadFile';
import './loader.css';

const ACCEPT = '.json,.yaml,.yml,application/json,application/yaml,text/yaml';

/** "Load scenario file": opens the file picker for a JSON or YAML scenario. */
export function LoadScenarioButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        title="Open a scenario written as JSON or YAML"
      >
        <Icon name="file" />
        Load scenario file
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="scenario-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void loadScenarioFile(file);
        }}
      />
    </>
  );
}

/** Every problem in the last file that could not be loaded, until dismissed. */
export function LoadErrors() {
  const problem = useUi((s) => s.loadErrors);
  const setLoadErrors = useUi((s) => s.setLoadErrors);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [problem]);
  if (!problem) return null;
  return (
    <section className="load-errors" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Could not load {problem.file}
      </h2>
      <p>
        {problem.errors.length === 1 ? 'One problem' : `${problem.errors.length} problems`} in the
        file. Nothing else changed: the simulation and the lesson are as they were.
      </p>
      <ul className="load-errors-list">
        {problem.errors.map((error, i) => (
          <li key={i}>
            <code>{error}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setLoadErrors(null)}>
        Dismiss
      </button>
    </section>
  );
}

/** Drop a scenario file anywhere on the page to load it; the page shows where while dragging. */
export function DropTarget() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void loadScenarioFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-target" aria-hidden="true">
      <p>Drop a scenario file (JSON or YAML) to load it</p>
    </div>
  );
}
