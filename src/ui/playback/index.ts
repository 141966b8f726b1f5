export { PlaybackBar } from './PlaybackBar';
export { Timeline } from './Timeline';
export { faultLabel } from './faults';
