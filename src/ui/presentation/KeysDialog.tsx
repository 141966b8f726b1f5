import { useEffect, useId, useRef } from 'react';
import { useUi } from '../../store';
import { KEY_HELP } from './keys';

/** The keyboard help ("?"): a modal dialog, closed with Esc or its button. */
export function KeysDialog() {
  const setOpen = useUi((s) => s.setKeysOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Follow the store directly (not a render later): closing with Esc and reopening with ? can
  // happen before React renders in between.
  useEffect(() => {
    const sync = (open: boolean) => {
      const d = dialog.current;
      if (!d) return;
      if (open && !d.open) d.showModal();
      if (!open && d.open) d.close();
    };
    sync(useUi.getState().keysOpen);
    return useUi.subscribe((s) => sync(s.keysOpen));
  }, []);
  return (
    <dialog
      ref={dialog}
      className="keys-dialog"
      aria-labelledby={titleId}
      // "cancel" (Esc) comes at once; "close" comes a task later, after a quick "?" may have
      // asked to open it again. Either way the store hears first.
      onCancel={() => setOpen(false)}
      onClose={() => {
        if (!dialog.current?.open) setOpen(false);
      }}
    >
      <h2 id={titleId}>Keyboard</h2>
      <p>
        These keys work whenever you are not typing in a field. Clickers that send Page Up and Page
        Down work too.
      </p>
      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {KEY_HELP.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                {keys.split('  ').map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button-primary"
        autoFocus
        onClick={() => setOpen(false)}
      >
        Close
      </button>
    </dialog>
  );
}
