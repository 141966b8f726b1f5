import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = { label: string; className?: string; children: ReactNode };

/**
 * A button that opens a small panel below it (display settings in the header). Closes on Esc
 * (focus returns to the button) and on a click outside. The panel stays in the page while closed
 * (hidden), so what is inside keeps its state.
 */
export function Popover({ label, className, children }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <div
      ref={root}
      className={`popover ${className ?? ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className="popover-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
