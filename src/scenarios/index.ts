export { catalogue, type LessonEntry } from './catalogue';
