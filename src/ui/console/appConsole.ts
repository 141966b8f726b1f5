import { session, useSession } from '../../store';
import { createConsoleStore, type ConsoleSession } from './consoleStore';

/** The console's view of the app's session. */
const appSession: ConsoleSession = {
  exec: (line, stdin) => useSession.getState().exec(line, stdin),
  apply: (yaml) => useSession.getState().apply(yaml),
  now: () => useSession.getState().playback.now(),
  notice: () => useSession.getState().notice,
  simulation: () => useSession.getState().playback.simulation(),
};

/** The app's one console (transcript, history, running watch). */
export const useConsole = createConsoleStore(appSession);

// Commands a lesson's steps run appear in the console with what they printed.
session.player.onInput((input) => useConsole.getState().lessonRan(input));
