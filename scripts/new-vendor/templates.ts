/**
 * The files a new vendor API starts with. The spec is a working, annotated example (one resource with
 * list, create, read, update and delete) that passes `secmock lint`, serves and verifies clean as it is;
 * the author replaces it with the vendor's documented operations.
 */
export function specTemplate(id: string, title: string): string {
  return `openapi: 3.1.0
info:
  title: ${title} API
  version: '1.0'
  description: >-
    ${title}: replace this starter with the vendor's documented operations (docs/spec-authoring.md).
  contact: { name: secmock }
servers:
  - url: http://127.0.0.1:4010
tags:
  - name: Items
    description: A starter resource; rename it after the vendor's own.
security:
  - ${camel(id)}Token: []
x-secmock:
  errors:
    validation: { status: 400, body: { message: $message, errors: $messages } }
    unauthorized: { status: 401, body: { message: $message } }
    notFound: { status: 404, body: { message: $message } }
  resources:
    items:
      key: id
      id: uuid
      schema: { $ref: '#/components/schemas/Item' }
      created: created_at
      updated: updated_at
      clock: iso
paths:
  /${id}/v1/items:
    get:
      operationId: listItems
      summary: List items
      description: A page of items, optionally of one status.
      tags: [Items]
      parameters:
        - { name: status, in: query, schema: { $ref: '#/components/schemas/Status' } }
        - { name: offset, in: query, schema: { type: integer, minimum: 0 } }
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
      x-secmock:
        resource: items
        action: list
        filters: { query.status: { field: status } }
        page: { offset: query.offset, limit: query.limit, default: 50, max: 100 }
        response: { items: $items, total: $page.total }
      responses:
        '200':
          description: A page of items.
          content:
            application/json:
              schema:
                type: object
                required: [items, total]
                properties:
                  items: { type: array, items: { $ref: '#/components/schemas/Item' } }
                  total: { type: integer, minimum: 0 }
        '400': { $ref: '#/components/responses/Invalid' }
        '401': { $ref: '#/components/responses/Unauthorized' }
    post:
      operationId: createItem
      summary: Create an item
      description: Stores an item; the service assigns its id.
      tags: [Items]
      x-secmock: { resource: items, action: create }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/ItemInput' }
            examples:
              first: { summary: An item, value: { name: First item, status: active } }
      responses:
        '200':
          description: The stored item.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Item' }
        '400': { $ref: '#/components/responses/Invalid' }
        '401': { $ref: '#/components/responses/Unauthorized' }
  /${id}/v1/items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      operationId: getItem
      summary: Get an item
      description: One item.
      tags: [Items]
      x-secmock: { resource: items, action: read, id: path.id }
      responses:
        '200':
          description: The item.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Item' }
        '400': { $ref: '#/components/responses/Invalid' }
        '401': { $ref: '#/components/responses/Unauthorized' }
        '404': { $ref: '#/components/responses/NotFound' }
    patch:
      operationId: updateItem
      summary: Update an item
      description: Changes the fields given.
      tags: [Items]
      x-secmock: { resource: items, action: update, id: path.id }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/ItemPatch' }
      responses:
        '200':
          description: The updated item.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Item' }
        '400': { $ref: '#/components/responses/Invalid' }
        '401': { $ref: '#/components/responses/Unauthorized' }
        '404': { $ref: '#/components/responses/NotFound' }
    delete:
      operationId: deleteItem
      summary: Delete an item
      description: Removes the item.
      tags: [Items]
      x-secmock: { resource: items, action: delete, id: path.id }
      responses:
        '204': { description: Deleted. }
        '400': { $ref: '#/components/responses/Invalid' }
        '401': { $ref: '#/components/responses/Unauthorized' }
        '404': { $ref: '#/components/responses/NotFound' }
components:
  securitySchemes:
    ${camel(id)}Token:
      type: http
      scheme: bearer
      description: An API token.
      x-secmock: { credentials: [{ value: secmock-${id}-token }] }
  schemas:
    Status: { type: string, enum: [active, archived] }
    ItemInput:
      type: object
      required: [name]
      properties:
        name: { type: string, minLength: 1, maxLength: 120 }
        status: { $ref: '#/components/schemas/Status' }
    ItemPatch:
      type: object
      properties:
        name: { type: string, minLength: 1, maxLength: 120 }
        status: { $ref: '#/components/schemas/Status' }
    Item:
      type: object
      required: [id, name, status, created_at, updated_at]
      properties:
        id: { type: string, format: uuid }
        name: { type: string }
        status: { $ref: '#/components/schemas/Status' }
        created_at: { type: string, format: date-time }
        updated_at: { type: string, format: date-time }
    Problem:
      type: object
      required: [message]
      properties:
        message: { type: string }
        errors: { type: array, items: { type: string } }
  responses:
    Invalid:
      description: The request is invalid; every problem is listed.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Problem' }
    Unauthorized:
      description: No valid token.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Problem' }
    NotFound:
      description: No such item.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Problem' }
`;
}

export function seedTemplate(id: string): string {
  return `# Seeded data of specs/${id}.yaml (docs/fixtures.md): same --seed, same data.
collections:
  items:
    count: 12
    daysBack: 30
    fields:
      name: { template: 'Item \${n}' }
      status: { pick: [active, archived], weights: [3, 1] }
`;
}

export function moduleTemplate(id: string, name: string): string {
  return `import type { VendorModule } from '../../mock';

/**
 * ${name}: what the vendor does beyond the annotations of specs/${id}.yaml. A behaviour named in the spec
 * (\`x-secmock.behaviour: <name>\`) resolves in \`behaviours\`, a generator named in fixtures/seed/${id}.yaml
 * in \`generators\`; put their code in behaviours/ and seed/ next to this file (docs/adding-a-vendor.md).
 */
export const ${name}: VendorModule = {
  id: '${id}',
  behaviours: {},
  generators: {},
};
`;
}

/** \`example-siem\` -> \`exampleSiem\`. */
export function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** \`example-siem\` -> \`Example Siem\`. */
export function titleOf(id: string): string {
  return id
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
