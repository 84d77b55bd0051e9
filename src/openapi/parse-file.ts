import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { parsePointer } from './pointer';
import type { SpecProblem } from './problems';
import { jsYaml, yamlLibrary } from './yaml-parsers';

/** A parsed spec file that can tell on which line a JSON pointer starts, for readable problems. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** SHA-1 of the file's text: what a prepared world or a cached model was made from. */
  contentHash: string;
  lineOf(segments: readonly string[]): number | undefined;
}

export type ParseResult = { ok: true; parsed: ParsedFile } | { ok: false; problems: SpecProblem[] };

/**
 * Reads YAML or JSON (JSON is YAML); never throws. js-yaml reads the data (several times faster on big
 * specs, which matters at start-up); the `yaml` library's position-keeping parse only runs when a
 * problem needs a line number.
 */
export function parseSpecFile(file: string): ParseResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return {
      ok: false,
      problems: [{ file, pointer: '', message: `cannot read spec: ${reason}`, severity: 'error' }],
    };
  }
  const contentHash = contentHashOf(text);
  let data: unknown;
  try {
    data = readParsedCopy('spec', contentHash) ?? jsYaml().load(text, { filename: file });
  } catch (error) {
    if (!(error instanceof jsYaml().YAMLException)) throw error;
    const line = error.mark ? error.mark.line + 1 : undefined;
    return {
      ok: false,
      problems: [
        { file, pointer: '', line, message: `invalid YAML/JSON: ${error.reason}`, severity: 'error' },
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ file, pointer: '', message: 'a spec must be an object', severity: 'error' }],
    };
  }
  return { ok: true, parsed: { file, data, contentHash, lineOf: lineLocator(text) } };
}

/**
 * The line a JSON pointer starts on in a YAML or JSON file: for problems found after loading (a behaviour
 * name no module defines, a seed file's mistake). Reads the file again; only ever called for a problem.
 */
export function lineOfPointer(file: string, pointer: string): number | undefined {
  try {
    return lineLocator(readFileSync(file, 'utf8'))(parsePointer(pointer));
  } catch {
    return undefined;
  }
}

function lineLocator(text: string): ParsedFile['lineOf'] {
  let located: { document: Document; lines: LineCounter } | undefined;
  return (segments) => {
    if (!located) {
      const yaml = yamlLibrary();
      const lines = new yaml.LineCounter();
      located = { document: yaml.parseDocument(text, { lineCounter: lines }), lines };
    }
    const { document, lines } = located;
    // Walk up until a node exists: a missing property is reported at its parent's line.
    for (let n = segments.length; n >= 0; n--) {
      const node = document.getIn(segments.slice(0, n), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** A file's identity by content (SHA-1 of its text): the same text, the same spec or seed. */
export function contentHashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The build saves the bundled specs and seed files as JSON next to the compiled code (dist/prepared, named by
 * the text's hash): JSON.parse reads the Lacework spec some 20 times faster than a YAML parser, and start-up
 * is spent mostly there. Run from the TypeScript sources (the tests), the folder does not exist and YAML is
 * read.
 */
const PARSED_COPIES = join(__dirname, '..', 'prepared');

/** What a parsed copy holds: a spec (read with js-yaml) or a seed file (read with `yaml`). */
export type ParsedCopyKind = 'spec' | 'seed';

/** The data the build saved for a file of this text (by its hash), if it did. */
export function readParsedCopy(kind: ParsedCopyKind, contentHash: string): unknown {
  const copy = join(PARSED_COPIES, `${kind}-${contentHash}.json`);
  return existsSync(copy) ? JSON.parse(readFileSync(copy, 'utf8')) : undefined;
}

/**
 * Saves a file's parsed data as JSON for readParsedCopy to find; `parse` is the very parser the reader would
 * use on the text, so the copy cannot differ from what it would read (`npm run build` does this).
 */
export function writeParsedCopy(kind: ParsedCopyKind, file: string, parse: (text: string) => unknown): void {
  const text = readFileSync(file, 'utf8');
  mkdirSync(PARSED_COPIES, { recursive: true });
  writeFileSync(join(PARSED_COPIES, `${kind}-${contentHashOf(text)}.json`), JSON.stringify(parse(text)));
}

/** Saves a spec's data as JSON for parseSpecFile to read instead of its YAML. */
export function writeSpecCopy(file: string): void {
  writeParsedCopy('spec', file, (text) => jsYaml().load(text));
}
