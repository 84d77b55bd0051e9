import { findResponse, type HeaderSpec, type Operation, type ResponseSpec } from '../openapi';
import { SchemaCompiler, type SchemaValidator, type Violation } from '../schema';
import { isJsonMediaType, mediaTypeOf } from '../http';

/**
 * The one definition of a valid response, shared by the mock's self-check and the verifier's checks:
 * the status is documented, the content type is one the status documents, the body matches its schema and
 * the required headers are present.
 */
export interface ResponseToCheck {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the text. */
  body: unknown;
}

export interface ResponseVerdict {
  documented: boolean;
  response?: ResponseSpec;
  contentTypeViolation?: string;
  schemaViolations: Violation[];
  headerViolations: Violation[];
}

export class ResponseValidator {
  private readonly compiled = new Map<string, SchemaValidator | undefined>();

  constructor(private readonly validators: SchemaCompiler = new SchemaCompiler()) {}

  check(operation: Operation, response: ResponseToCheck): ResponseVerdict {
    const spec = findResponse(operation, response.status);
    if (!spec) return { documented: false, schemaViolations: [], headerViolations: [] };
    const verdict: ResponseVerdict = {
      documented: true,
      response: spec,
      schemaViolations: [],
      headerViolations: checkHeaders(spec.headers, response.headers),
    };
    if (spec.content.length === 0) return verdict;
    const mediaType = mediaTypeOf(response.headers['content-type']);
    const media =
      spec.content.find((m) => m.contentType.toLowerCase() === mediaType) ??
      spec.content.find(
        (m) =>
          m.contentType === '*/*' ||
          (m.contentType.endsWith('/*') && mediaType?.startsWith(m.contentType.slice(0, -1))),
      );
    if (!media) {
      verdict.contentTypeViolation = `content-type '${mediaType ?? 'none'}' is not documented; expected ${spec.content.map((m) => m.contentType).join(' or ')}`;
      return verdict;
    }
    if (!media.schema) return verdict;
    const key = `${operation.specId}|${operation.operationId}|${spec.status}|${media.contentType}`;
    let validate = this.compiled.get(key);
    if (!this.compiled.has(key)) {
      validate = this.validators.compile(media.schema, 'body');
      this.compiled.set(key, validate);
    }
    if (validate && (isJsonMediaType(mediaType) || typeof response.body !== 'string')) {
      verdict.schemaViolations = validate(response.body);
    }
    return verdict;
  }
}

function checkHeaders(expected: HeaderSpec[], actual: Record<string, string>): Violation[] {
  return expected
    .filter((h) => h.required && actual[h.name] === undefined)
    .map((h) => ({ path: `header.${h.name}`, message: 'is required', keyword: 'required' }));
}
