export { LoadScenarioButton, LoadErrors, DropTarget } from './ScenarioLoader';
export { loadScenarioFile, MAX_FILE_BYTES } from './loadFile';
