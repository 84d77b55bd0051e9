export * from './model';
export { inspectSpec, loadSpecs, type SpecInspection, type SpecStats } from './load';
export { formatProblem, hasErrors, SpecLoadError, type SpecProblem } from './problems';
export { documentsStatus, findResponse, successStatus } from './status';
export { formatLocation } from './annotations';
