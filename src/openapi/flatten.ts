import type { OpenAPIV3_1 } from 'openapi-types';
import { isHttpMethod } from '../http';
import { buildOperationAnnotation } from './annotations';
import type {
  HeaderSpec,
  JsonSchema,
  MediaTypeSpec,
  NamedExample,
  Operation,
  OperationNotes,
  Parameter,
  RequestBodySpec,
  ResponseSpec,
  SecurityRequirement,
} from './model';
import { toPointer } from './pointer';
import { buildAcceptance, type RawAccepts } from './vendor-acceptance';

type Doc = OpenAPIV3_1.Document;
// The document is dereferenced, so every "X | ReferenceObject" is an X.
type Deref<T> = Exclude<T, OpenAPIV3_1.ReferenceObject>;

/** Every operation of a dereferenced document, in document order. */
export function flattenOperations(specId: string, document: Doc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = rawItem as OpenAPIV3_1.PathItemObject;
    for (const [method, rawOperation] of Object.entries(item)) {
      if (!isHttpMethod(method) || rawOperation === undefined) continue;
      const operation = rawOperation as OpenAPIV3_1.OperationObject;
      const pointer = toPointer(['paths', path, method]);
      const flat: Operation = {
        specId,
        operationId: operation.operationId ?? `${method} ${path}`,
        method,
        path,
        summary: operation.summary ?? '',
        tags: operation.tags ?? [],
        pointer,
        parameters: mergeParameters(item.parameters, operation.parameters),
        requestBody: toRequestBody(operation.requestBody as Deref<typeof operation.requestBody>, pointer),
        responses: toResponses(operation.responses ?? {}, pointer),
        security: toSecurity(operation.security ?? document.security ?? []),
        mock: buildOperationAnnotation(extension(operation, 'x-secmock')),
        notes: toNotes(operation),
      };
      const accepts = rawAccepts(operation);
      if (accepts) flat.accepts = buildAcceptance(flat, accepts).accepts;
      operations.push(flat);
    }
  }
  return operations;
}

/** The operation's `x-secmock.accepts`, when it is an object (lint reports a malformed one). */
export function rawAccepts(operation: object): RawAccepts | undefined {
  const accepts = extension<{ accepts?: unknown }>(operation, 'x-secmock')?.accepts;
  return accepts !== null && typeof accepts === 'object' && !Array.isArray(accepts)
    ? (accepts as RawAccepts)
    : undefined;
}

export function extension<T>(node: object, name: string): T | undefined {
  return (node as Record<string, unknown>)[name] as T | undefined;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function toNotes(operation: OpenAPIV3_1.OperationObject): OperationNotes {
  return {
    deviations: asList(extension(operation, 'x-vendor-deviation')),
    docGaps: asList(extension(operation, 'x-doc-gap')),
    pathSource: extension<string>(operation, 'x-path-source'),
    pathConfidence: extension<string>(operation, 'x-path-confidence'),
    headingLost: extension<boolean>(operation, 'x-heading-lost') === true,
  };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(
  pathLevel: OpenAPIV3_1.PathItemObject['parameters'],
  operationLevel: OpenAPIV3_1.OperationObject['parameters'],
): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const raw of [...(pathLevel ?? []), ...(operationLevel ?? [])]) {
    const p = raw as OpenAPIV3_1.ParameterObject;
    merged.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in as Parameter['in'],
      required: p.required === true || p.in === 'path',
      schema: (p.schema as JsonSchema | undefined) ?? {},
      examples: collectExamples(p as ExampleHolder, ''),
    });
  }
  return [...merged.values()];
}

interface ExampleHolder {
  example?: unknown;
  examples?: Record<string, OpenAPIV3_1.ExampleObject | OpenAPIV3_1.ReferenceObject>;
}

function collectExamples(holder: ExampleHolder, pointer: string): NamedExample[] {
  const examples: NamedExample[] = [];
  if (holder.example !== undefined) {
    examples.push({ name: 'example', value: holder.example, pointer: `${pointer}/example` });
  }
  for (const [name, raw] of Object.entries(holder.examples ?? {})) {
    const example = raw as OpenAPIV3_1.ExampleObject;
    if (example.value === undefined) continue; // externalValue examples are not checked
    examples.push({
      name,
      summary: example.summary,
      value: example.value,
      pointer: `${pointer}/examples/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/value`,
    });
  }
  return examples;
}

function toMediaTypes(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined, pointer: string) {
  return Object.entries(content ?? {}).map(
    ([contentType, media]): MediaTypeSpec => ({
      contentType,
      schema: media.schema as JsonSchema | undefined,
      examples: collectExamples(
        media as ExampleHolder,
        `${pointer}/content/${contentType.replace(/\//g, '~1')}`,
      ),
    }),
  );
}

function toRequestBody(
  body: OpenAPIV3_1.RequestBodyObject | undefined,
  pointer: string,
): RequestBodySpec | undefined {
  if (!body) return undefined;
  return { required: body.required === true, content: toMediaTypes(body.content, `${pointer}/requestBody`) };
}

function toResponses(responses: OpenAPIV3_1.ResponsesObject, pointer: string): ResponseSpec[] {
  return Object.entries(responses)
    .map(([status, raw]): ResponseSpec => {
      const response = raw as OpenAPIV3_1.ResponseObject;
      const headers = Object.entries(response.headers ?? {}).map(([name, rawHeader]): HeaderSpec => {
        const header = rawHeader as OpenAPIV3_1.HeaderObject;
        return {
          name: name.toLowerCase(),
          required: header.required === true,
          schema: header.schema as JsonSchema,
        };
      });
      return {
        status,
        description: response.description ?? '',
        headers,
        content: toMediaTypes(response.content, `${pointer}/responses/${status}`),
      };
    })
    .sort((a, b) => a.status.localeCompare(b.status));
}

function toSecurity(security: OpenAPIV3_1.SecurityRequirementObject[]): SecurityRequirement[][] {
  return security.map((requirement) =>
    Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes: [...scopes] })),
  );
}
