// The ui layer's public face: the React panels the app lays out over the canvas.
export { Panel, Popover, Icon } from './layout';
export { LessonPanel, RichText, stepStatus, spokenDuration } from './lesson';
export { PlaybackBar, Timeline } from './playback';
export { ScenarioPicker } from './picker';
export { LoadScenarioButton, LoadErrors, DropTarget, loadScenarioFile } from './loader';
export { Notices } from './notices';
export {
  Captions,
  KeysDialog,
  PresentationButton,
  useLessonKeys,
  enterPresentation,
  leavePresentation,
  toggleFullscreen,
  watchFullscreen,
} from './presentation';
export { PresenterView, PresenterButton } from './presenter';
