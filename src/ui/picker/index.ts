export { ScenarioPicker } from './ScenarioPicker';
