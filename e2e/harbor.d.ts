import type { HarborProbe } from '../src/render';

declare global {
  interface Window {
    /** The canvas's test hook (src/render/harbor.ts): facts about what is drawn. */
    __harbor?: HarborProbe;
  }
}
