import type {
  JsonSchema,
  Operation,
  Parameter,
  RequestBodySpec,
  RequestLocation,
  SchemaPath,
  VendorAcceptance,
} from './model';

/**
 * Builds the second level of truth of an operation from its `x-secmock.accepts` annotation: the document's
 * request schemas, relaxed where the vendor's own clients show it accepts more (docs/annotations.md).
 * Relaxing only widens: whatever the document allows, the vendor allows too.
 */
export interface RawAccepts {
  source?: string;
  /** Required by the document, left out by the vendor's clients. */
  optional?: string[];
  /** The vendor takes null here. */
  nullable?: string[];
  /** Values the vendor accepts as they are sent, beyond the document's type or enum. */
  values?: Record<string, unknown[]>;
  /** Values the vendor spells its own way: `{ ROLE_USER: 2 }`; the action sees the document's value. */
  aliases?: Record<string, Record<string, unknown>>;
  /** Whole other body shapes; `as` is a template that gives the document's shape (`$body` is the request body). */
  bodies?: Array<{ schema: JsonSchema; as?: unknown }>;
}

/** A relaxation that names a place the request schema does not have: a spec mistake lint reports. */
export interface AcceptanceIssue {
  pointer: string;
  message: string;
}

export function buildAcceptance(
  operation: Operation,
  raw: RawAccepts,
): { accepts: VendorAcceptance; issues: AcceptanceIssue[] } {
  const issues: AcceptanceIssue[] = [];
  const parameters = operation.parameters.map((p) => ({ ...p, schema: structuredClone(p.schema) }));
  const body = operation.requestBody && {
    ...operation.requestBody,
    content: operation.requestBody.content.map((m) => ({
      ...m,
      schema: m.schema && structuredClone(m.schema),
    })),
  };
  const relax = (kind: keyof RawAccepts, text: string, change: Change) => {
    const path = parseSchemaPath(text);
    const applied = path ? applyChange(path, parameters, body, change) : false;
    if (!applied)
      issues.push({ pointer: `/${kind}`, message: `'${text}' is not a place in this operation's request` });
  };
  for (const text of raw.optional ?? []) relax('optional', text, { kind: 'optional' });
  for (const text of raw.nullable ?? []) relax('nullable', text, { kind: 'widen', with: { type: 'null' } });
  for (const [text, values] of Object.entries(raw.values ?? {}))
    relax('values', text, { kind: 'widen', with: { enum: values } });
  const aliases: VendorAcceptance['aliases'] = [];
  for (const [text, map] of Object.entries(raw.aliases ?? {})) {
    relax('aliases', text, { kind: 'widen', with: { enum: Object.keys(map) } });
    const at = parseSchemaPath(text);
    if (at) aliases.push({ at, map });
  }
  const bodies = raw.bodies ?? [];
  if (bodies.length > 0 && body)
    for (const media of body.content)
      if (media.schema)
        media.schema = { anyOf: [media.schema, ...bodies.map((b) => b.schema)] } as JsonSchema;
  return {
    accepts: {
      source: raw.source,
      aliases,
      bodies,
      parameters,
      requestBody: body as RequestBodySpec | undefined,
    },
    issues,
  };
}

const PATH = /^(path|query|body|headers)((\.(\*|[^.[\]*]+)(\[\])?)*|\[\](\.(\*|[^.[\]*]+)(\[\])?)*)$/;

/** `body.items[].name` -> { in: 'body', steps: ['items', '[]', 'name'] }; undefined when malformed. */
export function parseSchemaPath(text: string): SchemaPath | undefined {
  if (!PATH.test(text)) return undefined;
  const [where, ...rest] = text.split('.');
  const steps: string[] = [];
  const push = (segment: string) => {
    if (segment.endsWith('[]')) {
      if (segment.length > 2) steps.push(segment.slice(0, -2));
      steps.push('[]');
    } else steps.push(segment);
  };
  const root = where.replace(/\[\]$/, '');
  if (where.endsWith('[]')) steps.push('[]');
  rest.forEach(push);
  return { in: root as RequestLocation['in'], steps };
}

type Change = { kind: 'optional' } | { kind: 'widen'; with: JsonSchema };

function applyChange(
  path: SchemaPath,
  parameters: Parameter[],
  body: RequestBodySpec | undefined,
  change: Change,
): boolean {
  if (path.in === 'body') {
    const schemas = (body?.content ?? []).flatMap((m) => (m.schema ? [m.schema] : []));
    if (path.steps.length === 0 && change.kind === 'optional' && body) {
      body.required = false;
      return true;
    }
    return schemas.map((schema) => changeAt(schema, path.steps, change)).some(Boolean);
  }
  const [name, ...steps] = path.steps;
  const where = path.in === 'headers' ? 'header' : path.in;
  const parameter = parameters.find(
    (p) =>
      p.in === where && (where === 'header' ? p.name.toLowerCase() === name?.toLowerCase() : p.name === name),
  );
  if (!parameter) return false;
  if (steps.length === 0 && change.kind === 'optional') {
    parameter.required = false;
    return true;
  }
  if (steps.length === 0) {
    parameter.schema = widen(parameter.schema, (change as { with: JsonSchema }).with);
    return true;
  }
  return changeAt(parameter.schema, steps, change);
}

/** Applies the change at the path inside a schema (in place: it is this operation's own copy). */
function changeAt(schema: JsonSchema, steps: string[], change: Change): boolean {
  if (change.kind === 'optional') {
    const parents = nodesAt(schema, steps.slice(0, -1)).flatMap(branches);
    const field = steps[steps.length - 1];
    for (const parent of parents) {
      const required = (parent as { required?: string[] }).required;
      if (Array.isArray(required))
        (parent as { required?: string[] }).required = required.filter((r) => r !== field);
    }
    return parents.some((parent) => hasProperty(parent, field));
  }
  const nodes = nodesAt(schema, steps);
  for (const node of nodes) replaceWith(node, widen({ ...node }, change.with));
  return nodes.length > 0;
}

/** Every schema node at the path, looking through allOf/anyOf/oneOf branches. */
function nodesAt(schema: JsonSchema, steps: string[]): JsonSchema[] {
  let nodes: JsonSchema[] = [schema];
  for (const step of steps) {
    nodes = nodes.flatMap(branches).flatMap((node): JsonSchema[] => {
      const record = node as Record<string, unknown>;
      if (step === '[]') return isSchema(record.items) ? [record.items] : [];
      if (step === '*') return isSchema(record.additionalProperties) ? [record.additionalProperties] : [];
      const properties = record.properties as Record<string, JsonSchema> | undefined;
      return properties && isSchema(properties[step]) ? [properties[step]] : [];
    });
  }
  return nodes;
}

function branches(schema: JsonSchema): JsonSchema[] {
  const record = schema as Record<string, unknown>;
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((k) =>
    Array.isArray(record[k]) ? (record[k] as JsonSchema[]) : [],
  );
  return [schema, ...parts.flatMap(branches)];
}

function hasProperty(schema: JsonSchema, field: string): boolean {
  return branches(schema).some((node) => {
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    return properties !== undefined && field in properties;
  });
}

function widen(schema: JsonSchema, also: JsonSchema): JsonSchema {
  return { anyOf: [schema, also] } as JsonSchema;
}

function replaceWith(node: JsonSchema, replacement: JsonSchema): void {
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) delete record[key];
  Object.assign(record, replacement);
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
