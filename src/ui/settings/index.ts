// Display settings: label mode, theme, reduced motion.
export { Settings, useSystemReducedMotion } from './Settings';
