export {
  ContainerRuntime,
  type DeckState,
  type CriResult,
  type PullResult,
  type RuntimeContainerStatus,
  type ContainerConfig,
} from './runtime';
export {
  imageCatalogue,
  parseImageRef,
  resolveImage,
  PAUSE_IMAGE,
  type ImageInfo,
  type ImageRef,
} from './images';
export { flavourOf, type RuntimeFlavour } from './flavours';
export { runtimeMachine } from './runtime.machine';
export { simplifications } from './simplifications';
