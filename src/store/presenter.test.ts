import { describe, expect, it } from 'vitest';
import { isPresenterMessage, presenterStateChanged, type PresenterState } from './presenter';

const state: PresenterState = {
  scenario: null,
  index: 2,
  complete: false,
  timedOut: false,
  revealed: false,
  playing: true,
  now: 12_300,
  presenting: false,
};

describe('presenter channel messages', () => {
  it('accepts the messages of this protocol and nothing else', () => {
    expect(isPresenterMessage({ type: 'HELLO' })).toBe(true);
    expect(isPresenterMessage({ type: 'STATE', state })).toBe(true);
    expect(isPresenterMessage({ type: 'COMMAND', command: { kind: 'next' } })).toBe(true);
    expect(isPresenterMessage({ type: 'COMMAND', command: { kind: 'goto', index: 3 } })).toBe(true);
    expect(isPresenterMessage({ type: 'GOODBYE', from: 'audience' })).toBe(true);
    expect(isPresenterMessage({ type: 'COMMAND', command: { kind: 'goto', index: 'x' } })).toBe(
      false,
    );
    expect(isPresenterMessage({ type: 'COMMAND', command: { kind: 'explode' } })).toBe(false);
    expect(isPresenterMessage({ type: 'STATE' })).toBe(false);
    expect(isPresenterMessage({ type: 'GOODBYE', from: 'someone' })).toBe(false);
    expect(isPresenterMessage('HELLO')).toBe(false);
    expect(isPresenterMessage(null)).toBe(false);
  });

  it('counts a change of step, play state or whole second, not of milliseconds', () => {
    expect(presenterStateChanged(undefined, state)).toBe(true);
    expect(presenterStateChanged(state, { ...state, now: 12_900 })).toBe(false);
    expect(presenterStateChanged(state, { ...state, now: 13_000 })).toBe(true);
    expect(presenterStateChanged(state, { ...state, index: 3 })).toBe(true);
    expect(presenterStateChanged(state, { ...state, playing: false })).toBe(true);
  });
});
