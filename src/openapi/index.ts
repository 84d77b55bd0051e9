export * from './model';
export { inspectSpec, loadSpecs, type SpecInspection, type SpecStats } from './load';
export { formatProblem, hasErrors, SpecLoadError, type SpecProblem } from './problems';
export { documentsStatus, findResponse, successStatus } from './status';
export { formatLocation } from './annotations';
export { lineOfPointer } from './parse-file';
export { toPointer, parsePointer, resolvePointer } from './pointer';
export { BUNDLED_SPECS_DIR, listSpecFiles, resolveSpecFiles } from './files';
export { entityPointer, existsPointer, itemsPointer, keyPointer, responseTemplate } from './templates';
