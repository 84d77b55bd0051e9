import type RefParserClass from '@apidevtools/json-schema-ref-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parsePointer, resolvePointer, toPointer } from './pointer';
import type { ParsedFile } from './parse-file';
import type { SpecProblem } from './problems';

/** Every local `$ref` that points to nothing, reported where the `$ref` is written. */
export function findDanglingRefs(parsed: ParsedFile): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, String(i)]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
        if (resolvePointer(parsed.data, parsePointer(value)) === undefined) {
          problems.push({
            file: parsed.file,
            pointer: toPointer([...path, '$ref']),
            line: parsed.lineOf([...path, '$ref']),
            message: `$ref '${value}' points to nothing`,
            severity: 'error',
          });
        }
      } else visit(value, [...path, key]);
    }
  };
  visit(parsed.data, []);
  return problems;
}

let refParserClass: typeof RefParserClass | undefined;

/** Loaded on first use: a start of the bundled specs reads their models as the build saved them. */
function refParser(): typeof RefParserClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would be async
  refParserClass ??= (require('@apidevtools/json-schema-ref-parser') as { default: typeof RefParserClass })
    .default;
  return refParserClass;
}

export type DereferenceResult =
  | { ok: true; document: OpenAPIV3_1.Document }
  | { ok: false; problems: SpecProblem[] };

/**
 * Replaces every `$ref` by its target (external files included, relative to the spec); the parsed data
 * is left untouched so that problems can still be located in the source.
 */
export async function dereferenceSpec(parsed: ParsedFile): Promise<DereferenceResult> {
  try {
    const document = await refParser().dereference(parsed.file, structuredClone(parsed.data), {
      resolve: { http: false },
      dereference: { circular: false },
    });
    return { ok: true, document: document as OpenAPIV3_1.Document };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const circular = /circular/i.test(message);
    return {
      ok: false,
      problems: [
        {
          file: parsed.file,
          pointer: '',
          message: circular
            ? `circular $ref: secmock needs schemas without cycles (${message})`
            : `cannot resolve $ref: ${message}`,
          severity: 'error',
        },
      ],
    };
  }
}
