import { useCallback, useEffect, useRef, useState } from 'react';
import {
  SILENCE_MS,
  isPresenterMessage,
  presenterChannelName,
  type LessonCommand,
  type PresenterMessage,
  type PresenterState,
} from '../../store';

export type Connection = 'waiting' | 'connected' | 'closed' | 'silent' | 'unsupported';

/**
 * The presenter window's side of the channel: asks the audience window for its state (on open,
 * and again while it hears nothing), shows what it announces, and sends commands to it.
 */
export function usePresenterChannel(channelId: string | undefined) {
  const [state, setState] = useState<PresenterState | undefined>();
  const [connection, setConnection] = useState<Connection>(
    typeof BroadcastChannel === 'function' && channelId ? 'waiting' : 'unsupported',
  );
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel !== 'function' || !channelId) return;
    const bc = new BroadcastChannel(presenterChannelName(channelId));
    channel.current = bc;
    let heard = Date.now();
    const post = (message: PresenterMessage) => bc.postMessage(message);
    bc.onmessage = (event: MessageEvent) => {
      if (!isPresenterMessage(event.data)) return;
      const message = event.data;
      if (message.type === 'STATE') {
        heard = Date.now();
        setState(message.state);
        setConnection('connected');
      } else if (message.type === 'GOODBYE' && message.from === 'audience') {
        setConnection('closed');
      }
    };
    post({ type: 'HELLO' });
    const watch = window.setInterval(() => {
      if (Date.now() - heard > SILENCE_MS) {
        setConnection((c) => (c === 'closed' ? c : c === 'waiting' ? 'waiting' : 'silent'));
        post({ type: 'HELLO' });
      }
    }, 1_000);
    const bye = () => post({ type: 'GOODBYE', from: 'presenter' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.clearInterval(watch);
      window.removeEventListener('pagehide', bye);
      bc.close();
      channel.current = null;
    };
  }, [channelId]);

  const send = useCallback((command: LessonCommand) => {
    channel.current?.postMessage({ type: 'COMMAND', command } satisfies PresenterMessage);
  }, []);

  return { state, connection, send };
}
