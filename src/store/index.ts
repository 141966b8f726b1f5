export {
  usePreferences,
  LABEL_MODES,
  THEMES,
  PART_NAMES,
  partName,
  type LabelMode,
  type Theme,
  type Part,
} from './preferences';
export { Playback, SPEEDS, MAX_FRAME_MS, formatSkip, type PlaybackNotice } from './playback';
export {
  createSession,
  session,
  useSession,
  type Session,
  type SessionState,
  type Selection,
} from './session';
export {
  ScenarioPlayer,
  scenarioConfig,
  CHECK_EVERY_MS,
  type PlayerState,
  type LessonInput,
  type Chapter,
} from './scenarioPlayer';
export { useUi, scenarioKey, scenarioByKey, type PanelId, type UiNotice } from './uiState';
export { createLessonCommands, runLesson, type LessonCommand } from './commands';
export {
  HEARTBEAT_MS,
  SILENCE_MS,
  isPresenterMessage,
  presenterChannelName,
  presenterStateChanged,
  type PresenterMessage,
  type PresenterState,
} from './presenter';
