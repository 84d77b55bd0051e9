import { mergeAllOf } from '../../generate';
import {
  entityPointer,
  writtenEntity,
  type JsonSchema,
  type Operation,
  type ResourceSpec,
} from '../../openapi';
import type { SchemaCompiler } from '../../schema';
import type { ShownFields } from '../types';
import { jsonMedia, type RequestParts } from './request-parts';

type Entity = Record<string, unknown>;
const isEntity = (value: unknown): value is Entity =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What a read after the chain's create or update must show (read_reflects_write), and after a partial
 * update, what it must still show of the create (partial_update_keeps_fields): the entity fields each write
 * carried, read from its request by the operation's `entity` annotation, as the mock stores them. The key,
 * the stamps the server sets and the secrets (answered masked) are not compared.
 */
export function shownAfter(
  resource: ResourceSpec,
  read: Operation,
  after: 'create' | 'update',
  sent: Partial<Record<'create' | 'update', SentWrite>>,
  readBefore?: Record<string, unknown>,
): ShownFields | undefined {
  const entityAt = entityPointer(read);
  const write = sent[after];
  if (!entityAt || !write) return undefined;
  const fields = (w: SentWrite) => comparable(resource, writtenEntity(w.operation, w.parts));
  const written = fields(write);
  if (after === 'create' || !sent.create) return { after, entityPointer: entityAt, written };
  // What the update did not send must read as it read before the update (a field the create already
  // lost is read_reflects_write's finding, not this one's); without that read, as the create sent it.
  const created = fields(sent.create);
  const kept = Object.fromEntries(
    Object.entries(created)
      .filter(([field]) => !(field in written))
      .map(([field, value]) => [field, readBefore ? readBefore[field] : value])
      .filter(([, value]) => value !== undefined),
  );
  return { after, entityPointer: entityAt, written, kept };
}

/** A write the chain sent: the operation and its request. */
export interface SentWrite {
  operation: Operation;
  parts: RequestParts;
}

function comparable(resource: ResourceSpec, entity: Entity): Entity {
  const stamps = new Set([
    resource.key,
    resource.created,
    resource.updated,
    ...resource.times,
    ...resource.computed,
  ]);
  const copy: Entity = {};
  for (const [field, value] of Object.entries(entity))
    if (!stamps.has(field) && value !== undefined) copy[field] = value;
  for (const secret of resource.secrets) removePath(copy, secret.split('.'));
  return copy;
}

function removePath(entity: Entity, [head, ...rest]: string[]): void {
  if (rest.length === 0) {
    delete entity[head];
    return;
  }
  const inner = entity[head];
  if (isEntity(inner)) {
    const copy = { ...inner };
    removePath(copy, rest);
    entity[head] = copy;
  }
}

/**
 * A partial update body: of the entity's fields, the required ones and one more that changes the entity
 * (everything around the entity, such as a wrapper object, is kept). undefined when the body has no such
 * room or the result would not be valid: the full body is sent instead.
 */
export function partialUpdateBody(operation: Operation, full: unknown, validators: SchemaCompiler): unknown {
  const schema = jsonMedia(operation)?.schema;
  const source = operation.mock.entity;
  const root = source && !('template' in source) && source.in === 'body' ? source.path : [];
  if (!schema || !isEntity(full) || (source && !('template' in source) && source.in !== 'body'))
    return undefined;
  const level = schemaAt(schema, root);
  const fields = valueAt(full, root);
  if (!level || !isEntity(fields)) return undefined;
  const required = new Set((level.required as string[] | undefined) ?? []);
  const base = Object.fromEntries(Object.entries(fields).filter(([name]) => required.has(name)));
  const fieldsWritten = (entity: Entity) =>
    Object.keys(
      writtenEntity(operation, { path: {}, query: {}, headers: {}, body: withAt(full, root, entity) }),
    );
  const before = fieldsWritten(base).length;
  const extra = Object.keys(fields).find(
    (name) => !required.has(name) && fieldsWritten({ ...base, [name]: fields[name] }).length > before,
  );
  if (extra === undefined) return undefined;
  const body = withAt(full, root, { ...base, [extra]: fields[extra] });
  return validators.compile(schema, 'body')(body).length === 0 ? body : undefined;
}

type Schema = JsonSchema & Record<string, unknown>;

function schemaAt(schema: JsonSchema, path: string[]): Schema | undefined {
  let node: Schema | undefined = mergeAllOf(schema as Schema) as Schema;
  for (const name of path) {
    const properties = node?.properties as Record<string, Schema> | undefined;
    node = properties?.[name] ? (mergeAllOf(properties[name]) as Schema) : undefined;
  }
  return node;
}

function valueAt(body: Entity, path: string[]): unknown {
  return path.reduce<unknown>((node, name) => (isEntity(node) ? node[name] : undefined), body);
}

function withAt(body: Entity, path: string[], value: Entity): Entity {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const inner = body[head];
  return { ...body, [head]: withAt(isEntity(inner) ? inner : {}, rest, value) };
}
