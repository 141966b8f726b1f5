export { LessonPanel } from './LessonPanel';
export { RichText } from './RichText';
export { stepStatus, spokenDuration, type StepStatus } from './status';
