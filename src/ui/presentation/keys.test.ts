import { describe, expect, it } from 'vitest';
import { keyAction, targetKeepsKey } from './keys';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyAction', () => {
  it('moves forward with →, Space and Page Down (clickers), back with ←, Shift+Space and Page Up', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown'])
      expect(keyAction(press(key), true)).toEqual({ kind: 'lesson', command: { kind: 'next' } });
    for (const key of ['ArrowLeft', 'PageUp'])
      expect(keyAction(press(key), false)).toEqual({ kind: 'lesson', command: { kind: 'prev' } });
    expect(keyAction(press(' ', { shiftKey: true }), true)).toEqual({
      kind: 'lesson',
      command: { kind: 'prev' },
    });
  });

  it('jumps with Home, End and the digits 1 to 9', () => {
    expect(keyAction(press('Home'), true)).toEqual({ kind: 'lesson', command: { kind: 'first' } });
    expect(keyAction(press('End'), true)).toEqual({ kind: 'lesson', command: { kind: 'last' } });
    expect(keyAction(press('1'), true)).toEqual({
      kind: 'lesson',
      command: { kind: 'goto', index: 0 },
    });
    expect(keyAction(press('9'), false)).toEqual({
      kind: 'lesson',
      command: { kind: 'goto', index: 8 },
    });
    expect(keyAction(press('0'), true)).toBeUndefined();
  });

  it('has F for full screen, ? for help, and Esc only while presenting', () => {
    expect(keyAction(press('f'), true)).toEqual({ kind: 'fullscreen' });
    expect(keyAction(press('?', { shiftKey: true }), false)).toEqual({ kind: 'help' });
    expect(keyAction(press('Escape'), true)).toEqual({ kind: 'leave' });
    expect(keyAction(press('Escape'), false)).toBeUndefined();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    expect(keyAction(press('ArrowRight', { altKey: true }), true)).toBeUndefined();
    expect(keyAction(press('f', { ctrlKey: true }), true)).toBeUndefined();
    expect(keyAction(press('1', { metaKey: true }), true)).toBeUndefined();
  });
});

describe('targetKeepsKey', () => {
  it('lets text fields, selects and sliders keep every key', () => {
    expect(targetKeepsKey({ tagName: 'TEXTAREA' }, 'ArrowRight')).toBe(true);
    expect(targetKeepsKey({ tagName: 'INPUT', type: 'text' }, 'f')).toBe(true);
    expect(targetKeepsKey({ tagName: 'INPUT', type: 'range' }, 'PageUp')).toBe(true);
    expect(targetKeepsKey({ tagName: 'SELECT' }, 'ArrowLeft')).toBe(true);
    expect(targetKeepsKey({ tagName: 'DIV', isContentEditable: true }, ' ')).toBe(true);
    expect(targetKeepsKey({ tagName: 'DIV', role: 'slider' }, 'Home')).toBe(true);
  });

  it('lets a focused button keep Space and Enter but not the arrows', () => {
    expect(targetKeepsKey({ tagName: 'BUTTON' }, ' ')).toBe(true);
    expect(targetKeepsKey({ tagName: 'BUTTON' }, 'ArrowRight')).toBe(false);
    expect(targetKeepsKey({ tagName: 'INPUT', type: 'checkbox' }, ' ')).toBe(true);
    expect(targetKeepsKey({ tagName: 'INPUT', type: 'checkbox' }, 'PageDown')).toBe(false);
  });

  it('gives everything else to the lesson', () => {
    expect(targetKeepsKey(null, ' ')).toBe(false);
    expect(targetKeepsKey({ tagName: 'BODY' }, ' ')).toBe(false);
    expect(targetKeepsKey({ tagName: 'CANVAS' }, 'ArrowLeft')).toBe(false);
  });
});
