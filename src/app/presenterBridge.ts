import {
  HEARTBEAT_MS,
  isPresenterMessage,
  presenterChannelName,
  presenterStateChanged,
  runLesson,
  useUi,
  type PresenterMessage,
  type PresenterState,
  type Session,
} from '../store';

const STORAGE_KEY = 'shipshape.presenterChannel';

/** This tab's presenter channel id: kept in sessionStorage so a reload keeps its presenter window. */
export function presenterChannelId(): string {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored && /^[A-Za-z0-9-]{1,64}$/.test(stored)) return stored;
    const id =
      typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    sessionStorage.setItem(STORAGE_KEY, id);
    return id;
  } catch {
    return 'default';
  }
}

function snapshot(session: Session): PresenterState {
  const { lesson, playing, now } = session.store.getState();
  return {
    scenario: lesson?.scenario ?? null,
    index: lesson?.index ?? -1,
    complete: lesson?.complete ?? false,
    timedOut: lesson?.timedOut ?? false,
    revealed: lesson?.revealed ?? false,
    playing,
    now,
    presenting: useUi.getState().presenting,
  };
}

/**
 * The audience window's side of the presenter channel. It is the source of truth: it announces
 * its state on start (it may have just reloaded), on every change, when a presenter says HELLO,
 * and as a heartbeat; it runs the commands a presenter window sends. Returns a stop function.
 */
export function startPresenterBridge(session: Session, channelId: string): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(presenterChannelName(channelId));
  let last: PresenterState | undefined;
  const post = (message: PresenterMessage) => channel.postMessage(message);
  const announce = (force: boolean) => {
    const state = snapshot(session);
    if (!force && !presenterStateChanged(last, state)) return;
    last = state;
    post({ type: 'STATE', state });
  };
  channel.onmessage = (event: MessageEvent) => {
    if (!isPresenterMessage(event.data)) return;
    const message = event.data;
    if (message.type === 'HELLO') announce(true);
    else if (message.type === 'COMMAND') {
      runLesson(message.command);
      announce(false);
    }
  };
  const stops = [
    session.store.subscribe(() => announce(false)),
    useUi.subscribe(() => announce(false)),
  ];
  const heartbeat = window.setInterval(() => announce(true), HEARTBEAT_MS);
  const goodbye = () => post({ type: 'GOODBYE', from: 'audience' });
  window.addEventListener('pagehide', goodbye);
  announce(true);
  return () => {
    stops.forEach((stop) => stop());
    window.clearInterval(heartbeat);
    window.removeEventListener('pagehide', goodbye);
    channel.close();
  };
}
