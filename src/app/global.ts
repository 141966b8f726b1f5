import { version } from './version';

/** What `window.shipshape` offers to tests and curious users (DESIGN.md section 6). */
export type ShipshapeGlobal = {
  readonly version: string;
};

declare global {
  interface Window {
    shipshape?: ShipshapeGlobal;
  }
}

/** Installs the read-only `window.shipshape` object. */
export function installGlobal(): ShipshapeGlobal {
  const api: ShipshapeGlobal = Object.freeze({ version });
  Object.defineProperty(window, 'shipshape', { value: api, configurable: true });
  return api;
}
