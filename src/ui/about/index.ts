export { AboutSimulation, groupByComponent } from './AboutSimulation';
