import { specIdOf } from './files';
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildErrorEnvelopes, buildResource, checkRootAnnotation } from './annotations';
import { checkExamples } from './examples';
import { extension, flattenOperations } from './flatten';
import type { Aggregate, ErrorTemplate, Operation, SpecModel } from './model';
import { checkOpenApiSchema } from './oas-schema';
import { parseSpecFile, type ParsedFile } from './parse-file';
import { readPreparedModel } from './prepared-model';
import { parsePointer, toPointer } from './pointer';
import { hasErrors, SpecLoadError, type SpecProblem } from './problems';
import { dereferenceSpec, findDanglingRefs } from './refs';
import { buildSecuritySchemes } from './security-schemes';
import { checkSemantics } from './semantics';

export interface SpecStats {
  operations: number;
  schemas: number;
  examplesChecked: number;
  inferredPaths: number;
  deviations: number;
  docGaps: number;
  resources: number;
}

export interface SpecInspection {
  file: string;
  model?: SpecModel;
  problems: SpecProblem[];
  stats?: SpecStats;
}

/** A generic envelope for specs that do not describe their vendor's (a warning says so). */
const FALLBACK_ERRORS: Record<string, ErrorTemplate> = {
  validation: { status: 400, body: { message: '$message', errors: '$messages' } },
  unauthorized: { status: 401, body: { message: '$message' } },
};

export interface InspectOptions {
  /** Validate every example against its schema (lint does; serving skips it to start faster). */
  examples?: boolean;
}

/** Reads, validates and flattens one spec, collecting every problem instead of stopping at the first. */
export async function inspectSpec(file: string, options: InspectOptions = {}): Promise<SpecInspection> {
  const parsed = parseSpecFile(file);
  if (!parsed.ok) return { file, problems: parsed.problems };
  const structural = [...checkOpenApiSchema(parsed.parsed), ...findDanglingRefs(parsed.parsed)];
  if (hasErrors(structural)) return { file, problems: structural };
  const dereferenced = await dereferenceSpec(parsed.parsed);
  if (!dereferenced.ok) return { file, problems: dereferenced.problems };
  return buildModel(parsed.parsed, dereferenced.document, options.examples ?? true);
}

interface RootAnnotation {
  errors?: Record<string, ErrorTemplate>;
  resources?: Record<string, object>;
  responses?: string;
  aggregates?: Array<{ name: string; body?: unknown; total: RawTerm; parts: RawTerm[] }>;
  rateLimit?: { requests: number; seconds: number };
}

interface RawTerm {
  operation: string;
  at: string;
}

const answerPath = (at: string) => at.split('.');

/** An aggregate naming an operation the spec does not have would silently check nothing. */
function unknownAggregateOperations(
  aggregates: Aggregate[],
  operations: Operation[],
): Array<Omit<SpecProblem, 'file'>> {
  const known = new Set(operations.map((op) => op.operationId));
  return aggregates.flatMap((aggregate, index) =>
    [aggregate.total, ...aggregate.parts]
      .filter((term) => !known.has(term.operationId))
      .map((term) => ({
        pointer: `/x-secmock/aggregates/${index}`,
        message: `aggregate '${aggregate.name}' names operation '${term.operationId}', which the spec does not have`,
        severity: 'error' as const,
      })),
  );
}
const term = (raw: RawTerm) => ({ operationId: raw.operation, at: answerPath(raw.at) });

function buildModel(
  parsed: ParsedFile,
  document: OpenAPIV3_1.Document,
  withExamples: boolean,
): SpecInspection {
  const { file } = parsed;
  const locate = (p: Omit<SpecProblem, 'file'>): SpecProblem => ({
    ...p,
    file,
    line: p.line ?? parsed.lineOf(parsePointer(p.pointer)),
  });
  const root = extension<RootAnnotation>(document, 'x-secmock');
  const problems = checkRoot(root).map(locate);
  if (hasErrors(problems)) return { file, problems };
  const id = specIdOf(file);
  const operations = flattenOperations(id, document);
  const rawOperations = new Map<Operation, object>(
    operations.map((op) => [op, resolveRaw(document, op.pointer)]),
  );
  const resources = Object.entries(root?.resources ?? {}).map(([name, raw]) => buildResource(id, name, raw));
  const schemes = buildSecuritySchemes(document);
  const errors = buildErrorEnvelopes(root?.errors ?? FALLBACK_ERRORS);
  const examples = withExamples ? checkExamples(operations) : { checked: 0, problems: [] };
  problems.push(
    ...schemes.problems.map(locate),
    ...checkSemantics({
      operations,
      rawOperations,
      resources,
      schemes: schemes.schemes,
      errors,
      rateLimited: root?.rateLimit !== undefined,
    }).map(locate),
    ...examples.problems.map(locate),
  );
  const aggregates = (root?.aggregates ?? []).map((a) => ({
    name: a.name,
    ...(a.body === undefined ? {} : { body: a.body }),
    total: term(a.total),
    parts: a.parts.map(term),
  }));
  problems.push(...unknownAggregateOperations(aggregates, operations).map(locate));
  const model: SpecModel = {
    id,
    file,
    contentHash: parsed.contentHash,
    title: document.info.title,
    version: document.info.version,
    document,
    operations,
    resources,
    securitySchemes: schemes.schemes,
    errors,
    responseMode: root?.responses === 'generated' ? 'generated' : 'example',
    schemaCount: Object.keys(document.components?.schemas ?? {}).length,
    aggregates,
    ...(root?.rateLimit
      ? { rateLimit: { requests: root.rateLimit.requests, seconds: root.rateLimit.seconds } }
      : {}),
  };
  return { file, model, problems, stats: statsOf(model, examples.checked) };
}

/** A spec without a root annotation still works (a warning); a wrong one is an error per mistake. */
function checkRoot(root: RootAnnotation | undefined): Array<Omit<SpecProblem, 'file'>> {
  if (root === undefined)
    return [
      {
        pointer: '',
        message: "no root 'x-secmock': errors use a generic {message} envelope",
        severity: 'warning',
      },
    ];
  return checkRootAnnotation(root).map((issue) => ({
    pointer: `/x-secmock${issue.pointer}`,
    message: issue.message,
    severity: 'error',
  }));
}

function statsOf(model: SpecModel, examplesChecked: number): SpecStats {
  const { operations } = model;
  return {
    operations: operations.length,
    schemas: model.schemaCount,
    examplesChecked,
    inferredPaths: operations.filter((op) => op.notes.pathSource === 'inferred').length,
    deviations: operations.reduce((n, op) => n + op.notes.deviations.length, 0),
    docGaps: operations.reduce((n, op) => n + op.notes.docGaps.length, 0),
    resources: model.resources.length,
  };
}

function resolveRaw(document: OpenAPIV3_1.Document, pointer: string): object {
  const [, path, method] = parsePointer(pointer);
  const item = document.paths?.[path] as Record<string, object>;
  return item[method];
}

/** Loads specs for use; throws one SpecLoadError listing every problem of every file. */
export async function loadSpecs(
  files: readonly string[],
  options: InspectOptions = {},
): Promise<SpecModel[]> {
  const inspections = await Promise.all(
    files.map((file) => {
      // The build prepared serving's models (examples unchecked); lint's and the verifier's check examples.
      const prepared = options.examples === false ? readPreparedModel(file) : undefined;
      return prepared ? { file, model: prepared, problems: [] } : inspectSpec(file, options);
    }),
  );
  const problems = inspections.flatMap((i) => i.problems).filter((p) => p.severity === 'error');
  problems.push(...checkAcrossSpecs(inspections.flatMap((i) => (i.model ? [i.model] : []))));
  if (problems.length > 0) throw new SpecLoadError(problems);
  return inspections.map((i) => i.model as SpecModel);
}

/** Specs served from one process share the route table and the store. */
function checkAcrossSpecs(models: SpecModel[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const routes = new Map<string, SpecModel>();
  const ids = new Map<string, SpecModel>();
  for (const model of models) {
    if (ids.has(model.id)) {
      problems.push({
        file: model.file,
        pointer: '',
        message: `spec id '${model.id}' is loaded twice`,
        severity: 'error',
      });
    }
    ids.set(model.id, model);
    for (const op of model.operations) {
      const route = `${op.method.toUpperCase()} ${op.path.replace(/\{[^}]+\}/g, '{}')}`;
      const other = routes.get(route);
      if (other && other !== model) {
        problems.push({
          file: model.file,
          pointer: toPointer(['paths', op.path, op.method]),
          message: `${route} is also served by ${other.file}`,
          severity: 'error',
        });
      }
      routes.set(route, model);
    }
  }
  return problems;
}
