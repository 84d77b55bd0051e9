export * from './model';
export { inspectSpec, loadSpecs, type SpecInspection, type SpecStats } from './load';
export { formatProblem, hasErrors, SpecLoadError, type SpecProblem } from './problems';
export { documentsStatus, findResponse, successStatus } from './status';
export { formatLocation } from './annotations';
export { contentHashOf, lineOfPointer, readParsedCopy, writeParsedCopy, writeSpecCopy } from './parse-file';
export { yamlLibrary } from './yaml-parsers';
export { writePreparedModel } from './prepared-model';
export { toPointer, parsePointer, resolvePointer } from './pointer';
export { BUNDLED_SPECS_DIR, listSpecFiles, specFileOfId, specIdsIn } from './files';
export { editDistance, nearMissHint } from './near-miss';
export {
  entityPointer,
  existsPointer,
  itemsPointer,
  keyPointer,
  pagePointers,
  responseTemplate,
  type PagePointers,
} from './templates';
export { readSecuritySchemes } from './scheme-summary';
export { type TemplateFilter } from './templates';
export { lookup, renderTemplate, type TemplateScope } from './render-template';
export { readLocation, type RequestValues } from './request-location';
export { writtenEntity } from './written-entity';
export { compareForSort, filterMatches, instantOf, parseDateText } from './list-semantics';
