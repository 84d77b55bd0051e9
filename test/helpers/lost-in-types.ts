import ts from 'typescript';

/**
 * Where the type generated from a schema loses what a typed client needs: a field the schema requires that
 * the type makes optional (or leaves out), or an object the schema leaves open (additionalProperties not
 * false) that the type closes as `Record<string, never>`. Checked: every component schema and every inline
 * request body or JSON response of an operation, with the inline objects, items and maps inside them (a
 * `$ref` inside is checked where it is a component). A schema's required fields are its own and those of
 * its allOf parts (through $ref), as a validator reads them. anyOf/oneOf schemas are skipped: their
 * branches are components of their own or stay loose on purpose.
 *
 * `types` is a type alias `{ components: components; operations: operations }` of the generated module.
 */
export function lostInTypes(spec: OpenApiDoc, checker: ts.TypeChecker, types: ts.Type): string[] {
  const lost: string[] = [];
  const resolve = (ref: string): Schema | undefined =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (node, key) =>
          (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        spec,
      ) as Schema | undefined;

  const flatten = (schema: Schema | undefined, seen: Set<string> = new Set()): Flat => {
    const flat: Flat = { properties: {}, required: [], union: false };
    if (!schema || typeof schema !== 'object') return flat;
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return flat;
      return flatten(resolve(schema.$ref), new Set([...seen, schema.$ref]));
    }
    flat.union = Boolean(schema.anyOf ?? schema.oneOf);
    flat.items = schema.items;
    flat.additional = schema.additionalProperties;
    for (const part of schema.allOf ?? []) {
      const inner = flatten(part, seen);
      Object.assign(flat.properties, inner.properties);
      flat.required.push(...inner.required);
      flat.union ||= inner.union;
      flat.items ??= inner.items;
    }
    Object.assign(flat.properties, schema.properties ?? {});
    flat.required.push(...(schema.required ?? []));
    return flat;
  };

  const property = (type: ts.Type | undefined, name: string) => type && checker.getPropertyOfType(type, name);
  const typeOf = (type: ts.Type | undefined, name: string): ts.Type | undefined => {
    const symbol = property(type, name);
    return symbol && checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
  };

  const check = (schema: Schema, type: ts.Type | undefined, where: string, depth = 0): void => {
    if (!type || depth > 10) return;
    const flat = flatten(schema);
    if (flat.union) return;
    const values = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    if (flat.additional !== false && values && values.flags & ts.TypeFlags.Never)
      lost.push(`${where}: an open object, typed Record<string, never>`);
    for (const name of new Set(flat.required)) {
      const symbol = property(type, name);
      if (!symbol) lost.push(`${where}.${name}: required, missing from the type`);
      else if (symbol.flags & ts.SymbolFlags.Optional)
        lost.push(`${where}.${name}: required, optional in the type`);
    }
    for (const [name, inner] of Object.entries(flat.properties))
      if (inner && typeof inner === 'object' && !inner.$ref)
        check(inner, typeOf(type, name), `${where}.${name}`, depth + 1);
    if (flat.items && !flat.items.$ref) {
      const item = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (item) check(flat.items, checker.getNonNullableType(item), `${where}[]`, depth + 1);
    }
    if (flat.additional && typeof flat.additional === 'object' && !flat.additional.$ref) {
      const value = checker.getIndexTypeOfType(type, ts.IndexKind.String);
      if (value) check(flat.additional, checker.getNonNullableType(value), `${where}.*`, depth + 1);
    }
  };

  const schemas = typeOf(typeOf(types, 'components'), 'schemas');
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    const type = typeOf(schemas, name);
    if (!type) lost.push(`${name}: no generated type`);
    else check(schema, type, name);
  }
  const operations = typeOf(types, 'operations');
  for (const item of Object.values(spec.paths ?? {}))
    for (const operation of Object.values(item) as OperationObject[]) {
      if (!operation?.operationId) continue;
      const type = typeOf(operations, operation.operationId);
      const body = operation.requestBody?.$ref
        ? (resolve(operation.requestBody.$ref) as OperationObject['requestBody'])
        : operation.requestBody;
      const bodySchema = body?.content?.['application/json']?.schema;
      if (bodySchema && !bodySchema.$ref)
        check(
          bodySchema,
          typeOf(typeOf(typeOf(type, 'requestBody'), 'content'), 'application/json'),
          `${operation.operationId} request body`,
        );
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        const response = answer.$ref ? (resolve(answer.$ref) as typeof answer) : answer;
        const schema = response.content?.['application/json']?.schema;
        if (schema && !schema.$ref)
          check(
            schema,
            typeOf(typeOf(typeOf(typeOf(type, 'responses'), status), 'content'), 'application/json'),
            `${operation.operationId} ${status}`,
          );
      }
    }
  return lost;
}

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
}

interface Flat {
  properties: Record<string, Schema>;
  required: string[];
  union: boolean;
  items?: Schema;
  additional?: Schema | boolean;
}

interface Media {
  content?: Record<string, { schema?: Schema }>;
  $ref?: string;
}

interface OperationObject {
  operationId?: string;
  requestBody?: Media;
  responses?: Record<string, Media>;
}

export interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}
