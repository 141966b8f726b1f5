// The fleet outline (an accessible mirror of the canvas) and the actions menu it shares with the canvas.
export { Outline } from './Outline';
export { OutlinePanel } from './OutlinePanel';
export { ActionMenu } from './ActionMenu';
export {
  actionsFor,
  targetName,
  type ActionApi,
  type TargetAction,
  type ActionId,
} from './actions';
export { buildOutline, type OutlineItem } from './tree';
