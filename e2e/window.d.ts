import type { ShipshapeGlobal } from '../src/app/global';

declare global {
  interface Window {
    shipshape?: ShipshapeGlobal;
  }
}
