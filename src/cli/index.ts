export * from './ankaCli';
export * from './args';
export * from './envelope';
export * from './errors';
export * from './locate';
export * from './models';
export * from './probe';
export * from './progress';
export { runCli, type RunOptions, type RunResult } from './run';
