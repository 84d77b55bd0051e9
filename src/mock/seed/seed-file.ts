import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentHashOf,
  lineOfPointer,
  readParsedCopy,
  toPointer,
  writeParsedCopy,
  yamlLibrary,
  type SpecModel,
  type SpecProblem,
} from '../../openapi';
import type { FieldRule } from '../../generate';
import { compileFixed, type SchemaError } from '../../schema';

/**
 * A spec's seed file, `<seed dir>/<spec-id>.yaml`: how many entities each resource starts with and the
 * rules that shape their fields (docs/fixtures.md), and the named generators of the spec's vendor module
 * that add richer datasets. Everything not shaped is generated from the resource schema.
 */
export interface SeedCollection {
  /** How many entities to generate (default 0). */
  count?: number;
  daysBack?: number;
  fields?: Record<string, FieldRule>;
  /**
   * Entities stored as written, after the generated ones: the ones the vendor's documentation prints, so
   * that its example requests (`GET /incident/3000000438278`) answer what it shows.
   */
  entities?: Array<Record<string, unknown>>;
}

export interface SeedFile {
  file: string;
  /** SHA-1 of the file's text: part of what identifies the world it seeds. */
  contentHash: string;
  spec: SpecModel;
  collections: Record<string, SeedCollection>;
  generators: Array<{ name: string; options: Record<string, unknown> }>;
}

const SEED_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    collections: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          count: { type: 'integer', minimum: 0 },
          daysBack: { type: 'number', minimum: 0 },
          fields: { type: 'object' },
          entities: { type: 'array', items: { type: 'object' } },
        },
      },
    },
    generators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, options: { type: 'object' } },
      },
    },
  },
};

export type SeedRead = { seed?: SeedFile; problems: SpecProblem[] };

/** The seed files of every served spec; `false` seeds nothing (an empty store). */
export function readSeedFiles(
  specs: readonly SpecModel[],
  seedDir: string | readonly string[] | false,
): { seeds: SeedFile[]; problems: SpecProblem[] } {
  if (seedDir === false) return { seeds: [], problems: [] };
  const dirs = typeof seedDir === 'string' ? [seedDir] : seedDir;
  const reads = specs.map((spec) => readSeedFile(dirs, spec));
  return {
    seeds: reads.flatMap((r) => (r.seed ? [r.seed] : [])),
    problems: reads.flatMap((r) => r.problems),
  };
}

/**
 * Reads and checks the spec's seed file from the first directory that has one, if any; every mistake is a
 * problem with its file and JSON pointer.
 */
export function readSeedFile(dirs: readonly string[], spec: SpecModel): SeedRead {
  const file = dirs.map((dir) => join(dir, `${spec.id}.yaml`)).find((candidate) => existsSync(candidate));
  if (!file) return { problems: [] };
  return checkSeedFile(file, spec);
}

function checkSeedFile(file: string, spec: SpecModel): SeedRead {
  const problem = (pointer: string, message: string, line?: number): SpecProblem => ({
    file,
    pointer,
    line: line ?? lineOfPointer(file, pointer),
    message,
    severity: 'error',
  });
  let data: unknown;
  let contentHash = '';
  try {
    const text = readFileSync(file, 'utf8');
    contentHash = contentHashOf(text);
    data = readParsedCopy('seed', contentHash) ?? yamlLibrary().parse(text) ?? {};
  } catch (error) {
    const line = error instanceof yamlLibrary().YAMLParseError ? error.linePos?.[0].line : undefined;
    return { problems: [problem('', `invalid YAML: ${(error as Error).message.split('\n')[0]}`, line)] };
  }
  const errors = compileFixed(SEED_FILE_SCHEMA)(data);
  if (errors.length > 0) return { problems: errors.map((e) => problem(...describe(e))) };
  const raw = data as { collections?: SeedFile['collections']; generators?: SeedFile['generators'] };
  const undeclared = Object.keys(raw.collections ?? {})
    .filter((name) => !spec.resources.some((r) => r.name === name))
    .map((name) => problem(toPointer(['collections', name]), `'${name}' is not a resource of ${spec.file}`));
  if (undeclared.length > 0) return { problems: undeclared };
  const seed: SeedFile = {
    file,
    contentHash,
    spec,
    collections: raw.collections ?? {},
    generators: (raw.generators ?? []).map((g) => ({ name: g.name, options: g.options ?? {} })),
  };
  return { seed, problems: [] };
}

function describe(error: SchemaError): [string, string] {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return [error.instancePath, `unknown field '${String(params.additionalProperty)}'`];
  if (error.keyword === 'required')
    return [error.instancePath, `missing required field '${String(params.missingProperty)}'`];
  return [error.instancePath, error.message ?? error.keyword];
}

/** Saves a seed file's data as JSON for a start to read instead of its YAML (`npm run build` does). */
export function writeSeedCopy(file: string): void {
  writeParsedCopy('seed', file, (text) => yamlLibrary().parse(text));
}
