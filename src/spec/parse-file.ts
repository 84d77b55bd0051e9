import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { SpecProblem } from './problems';

/** A parsed spec file that can tell on which line a JSON pointer starts, for readable problems. */
export interface ParsedFile {
  file: string;
  data: unknown;
  lineOf(segments: readonly string[]): number | undefined;
}

export type ParseResult = { ok: true; parsed: ParsedFile } | { ok: false; problems: SpecProblem[] };

/** Reads YAML or JSON (JSON is YAML), keeping source positions; never throws. */
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
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((e) => ({
        file,
        pointer: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `invalid YAML/JSON: ${e.message.split('\n')[0]}`,
        severity: 'error' as const,
      })),
    };
  }
  const data: unknown = document.toJS({ maxAliasCount: 1000 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ file, pointer: '', message: 'a spec must be an object', severity: 'error' }],
    };
  }
  const lineOf = (segments: readonly string[]): number | undefined => {
    // Walk up until a node exists: a missing property is reported at its parent's line.
    for (let n = segments.length; n >= 0; n--) {
      const node = document.getIn(segments.slice(0, n), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, parsed: { file, data, lineOf } };
}
