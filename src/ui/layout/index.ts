import './base.css';

export { Panel } from './Panel';
export { Popover } from './Popover';
export { Icon } from './icons';
