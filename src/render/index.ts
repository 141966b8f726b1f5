// The render layer's public face: the Pixi harbor scene, mounted by the app.
export {
  mountHarbor,
  selectionKey,
  type HarborView,
  type HarborOptions,
  type HarborProbe,
  type ContextMenuRequest,
} from './harbor';
