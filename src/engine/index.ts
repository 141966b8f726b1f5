export { defaultFleet, type ShipSpec } from './fleet';
