export { Captions } from './Captions';
export { KeysDialog } from './KeysDialog';
export { PresentationButton } from './PresentationButton';
export { useLessonKeys } from './useLessonKeys';
export { keyAction, targetKeepsKey, KEY_HELP, type KeyAction } from './keys';
export {
  enterPresentation,
  leavePresentation,
  toggleFullscreen,
  requestFullscreen,
  exitFullscreen,
  isFullscreen,
  watchFullscreen,
} from './fullscreen';
