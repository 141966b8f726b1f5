import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useSession } from '../../store';
import { complete, completionContext } from './complete';
import { newer, older } from './history';
import { keepKeysLocal } from './keys';
import { useConsole } from './appConsole';

/**
 * The command line: Enter runs, ↑/↓ walk the history, Tab completes (and moves focus on when
 * there is nothing to complete, so the field never traps the keyboard), Ctrl+C stops a watch or
 * abandons the line, Ctrl+L clears.
 */
export function ConsoleInput({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const caret = useRef<number | undefined>(undefined);
  const streaming = useConsole((s) => s.stream !== undefined);

  useLayoutEffect(() => {
    if (caret.current === undefined) return;
    inputRef.current?.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  });

  const put = (line: string, at = line.length) => {
    caret.current = at;
    setValue(line);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    keepKeysLocal(event);
    const consoleState = useConsole.getState();
    const input = event.currentTarget;
    const ctrl = event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === 'Enter') {
      event.preventDefault();
      consoleState.run(value);
      setValue('');
      setCandidates([]);
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const step =
        event.key === 'ArrowUp' ? older(consoleState.history, value) : newer(consoleState.history);
      if (step) {
        consoleState.setHistory(step.history);
        put(step.line);
      }
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !ctrl && value.trim() !== '') {
      const cursor = input.selectionStart ?? value.length;
      const result = complete(value, cursor, completionContext(useSession.getState().view));
      if (result.line !== value) {
        event.preventDefault();
        put(result.line, result.cursor);
        setCandidates([]);
      } else if (result.candidates.length > 0) {
        event.preventDefault();
        setCandidates(result.candidates);
      }
      return;
    }
    if (ctrl && (event.key === 'c' || event.key === 'C')) {
      const selected = (input.selectionEnd ?? 0) > (input.selectionStart ?? 0);
      if (selected) return; // copying
      event.preventDefault();
      consoleState.interrupt(value);
      setValue('');
      setCandidates([]);
      return;
    }
    if (ctrl && (event.key === 'l' || event.key === 'L')) {
      event.preventDefault();
      consoleState.clear();
      return;
    }
    if (event.key === 'Escape' && candidates.length > 0) {
      event.stopPropagation();
      setCandidates([]);
    }
  };

  return (
    <div className="ss-console-inputrow">
      <label htmlFor={id} className="ss-visually-hidden">
        Console input
      </label>
      <span aria-hidden="true" className="ss-console-ps1">
        $
      </span>
      <input
        ref={inputRef}
        id={id}
        className="ss-console-input"
        type="text"
        value={value}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="send"
        aria-describedby={`${id}-hint`}
        placeholder={streaming ? 'watching: Ctrl+C stops it' : 'kubectl get nodes'}
        onChange={(e) => {
          setValue(e.target.value);
          if (candidates.length > 0) setCandidates([]);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={keepKeysLocal}
      />
      <span id={`${id}-hint`} className="ss-visually-hidden">
        Enter runs the command. Up and down arrows recall earlier commands. Tab completes words.
        Control C stops a watch.
      </span>
      <div className="ss-console-candidates" aria-live="polite">
        {candidates.length > 0 && (
          <>
            <span className="ss-visually-hidden">Completions: </span>
            {candidates.map((c) => (
              <span key={c} className="ss-console-candidate">
                {c}
              </span>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
