export { mountHarbor, type HarborView } from './harbor';
