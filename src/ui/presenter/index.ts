export { PresenterView } from './PresenterView';
export { PresenterButton } from './PresenterButton';
export { openPresenterWindow } from './openPresenter';
export { usePresenterChannel, type Connection } from './usePresenterChannel';
