import type { LessonCommand } from '../../store';

/** What a key does. */
export type KeyAction =
  | { readonly kind: 'lesson'; readonly command: LessonCommand }
  | { readonly kind: 'fullscreen' }
  | { readonly kind: 'leave' }
  | { readonly kind: 'help' };

export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

/** The keys, for the help dialog: [keys (two spaces apart), what they do]. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['→  Space  Page Down', 'Next: play the step, or go to the next step'],
  ['←  Shift+Space  Page Up', 'Previous step'],
  ['Home  End', 'First step, last step'],
  ['1 … 9', 'Go to that step'],
  ['P', 'Play or pause'],
  ['R', 'Reveal the answer to the question'],
  ['F', 'Full screen on or off'],
  ['?', 'Show these keys'],
  ['Esc', 'Leave presentation mode'],
];

/**
 * The action for a key press, like slide software: clickers send Page Down / Page Up (some send
 * arrows). Keys with Ctrl, Alt or Meta stay the browser's.
 */
export function keyAction(e: KeyInput, presenting: boolean): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const lesson = (command: LessonCommand): KeyAction => ({ kind: 'lesson', command });
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return lesson({ kind: 'next' });
    case ' ':
    case 'Spacebar':
      return lesson({ kind: e.shiftKey ? 'prev' : 'next' });
    case 'ArrowLeft':
    case 'PageUp':
      return lesson({ kind: 'prev' });
    case 'Home':
      return lesson({ kind: 'first' });
    case 'End':
      return lesson({ kind: 'last' });
    case 'p':
    case 'P':
      return lesson({ kind: 'toggle-play' });
    case 'r':
    case 'R':
      return lesson({ kind: 'reveal' });
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return presenting ? { kind: 'leave' } : undefined;
    default:
      if (/^[1-9]$/.test(e.key)) return lesson({ kind: 'goto', index: Number(e.key) - 1 });
      return undefined;
  }
}

/** The parts of a focused element that decide whether it wants the key itself. */
export type FocusTarget = {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
};

const OWN_EVERY_KEY = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'slider',
  'spinbutton',
  'listbox',
  'menu',
  'menubar',
  'grid',
  'tree',
  'radiogroup',
  'tablist',
]);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);
const INPUTS_THAT_CLICK = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'color',
  'image',
]);

/**
 * Whether the focused element should keep `key` (typing in the console, moving the timeline's
 * slider, choosing in a select, pressing a focused button with Space).
 */
export function targetKeepsKey(target: FocusTarget | null, key: string): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (target.role && OWN_EVERY_KEY.has(target.role)) return true;
  const activation = key === ' ' || key === 'Spacebar' || key === 'Enter';
  if (tag === 'INPUT') {
    const type = (target.type ?? 'text').toLowerCase();
    if (!INPUTS_THAT_CLICK.has(type)) return true;
    return activation || (type === 'radio' && key.startsWith('Arrow'));
  }
  return ACTIVATES.has(tag) && activation;
}
