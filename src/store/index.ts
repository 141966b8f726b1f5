export { usePreferences, type LabelMode, type Theme } from './preferences';
