import {
  entityPointer,
  keyPointer,
  resolvePointer,
  writtenEntity,
  type Operation,
  type ResourceSpec,
  type SpecModel,
} from '../../openapi';
import { requestValues } from '../sent-request';
import type { CaseResponse, TestCase } from '../types';

type Entity = Record<string, unknown>;

const succeeded = (response: CaseResponse) => response.status >= 200 && response.status < 300;
const isEntity = (value: unknown): value is Entity =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A secret worth searching answers for: not short, not a mask, and not also sent in another field of the
 * same request (a document's placeholder `string` in every field would be found everywhere).
 */
const searchable = (value: unknown, body: string | undefined): value is string =>
  typeof value === 'string' &&
  value.length >= 8 &&
  !value.includes('***') &&
  (body ?? '').split(JSON.stringify(value)).length <= 2;

/** Resources are named per spec: two specs may both have `incidents`. */
const slot = (spec: SpecModel, resource: string) => `${spec.id}/${resource}`;

/**
 * What a run learns from the answers it gets, per resource of a spec: an entity that exists (discovered in a list,
 * or created), the entities the run itself created and has not deleted (what later writes address, and
 * what the run deletes at the end), and the values it sent in secret fields.
 */
export class RunMemory {
  private readonly known = new Map<string, Entity>();
  private readonly created = new Map<string, unknown[]>();
  private readonly secrets = new Map<string, Set<string>>();

  /** An entity read back from a list: by-id operations address it. */
  learn(spec: SpecModel, resource: string, entity: Entity): void {
    this.known.set(slot(spec, resource), entity);
  }

  /**
   * The key a by-id operation addresses, in the field it looks the entity up by: a write addresses an
   * entity the run created, so that a run against a shared environment changes and deletes only its own
   * data; a read addresses any entity known to exist.
   */
  keyFor(spec: SpecModel, operation: Operation): unknown {
    const resource = resourceOf(spec, operation);
    if (!resource?.key) return undefined;
    const field = operation.mock.by ?? resource.key;
    const own = this.created.get(slot(spec, resource.name));
    const writes = operation.mock.action === 'update' || operation.mock.action === 'delete';
    if (writes && own?.length && field === resource.key) return own[own.length - 1];
    return this.known.get(slot(spec, resource.name))?.[field];
  }

  /** Entities the run created and has not deleted, per resource of the spec, oldest first. */
  leftovers(spec: SpecModel): Array<{ resource: ResourceSpec; keys: unknown[] }> {
    return spec.resources.flatMap((resource) => {
      const keys = this.created.get(slot(spec, resource.name)) ?? [];
      return keys.length > 0 ? [{ resource, keys: [...keys] }] : [];
    });
  }

  /** The secrets sent so far for the operation's resource, this request's included. */
  secretsFor(testCase: TestCase): string[] {
    const resource = resourceOf(testCase.spec, testCase.operation);
    if (!resource || resource.secrets.length === 0) return [];
    const action = testCase.operation.mock.action;
    if (action === 'create' || action === 'update' || action === 'upsert') {
      const written = writtenEntity(testCase.operation, requestValues(testCase.request, testCase.operation));
      const sent = this.secrets.get(slot(testCase.spec, resource.name)) ?? new Set<string>();
      for (const path of resource.secrets) {
        const value = path
          .split('.')
          .reduce<unknown>((node, key) => (isEntity(node) ? node[key] : undefined), written);
        if (searchable(value, testCase.request.body)) sent.add(value);
      }
      this.secrets.set(slot(testCase.spec, resource.name), sent);
    }
    return [...(this.secrets.get(slot(testCase.spec, resource.name)) ?? [])];
  }

  /** A successful create tells an entity that exists and that the run owns; a successful delete, one gone. */
  remember(testCase: TestCase, response: CaseResponse): void {
    const { operation, spec } = testCase;
    const resource = resourceOf(spec, operation);
    if (!resource?.key || !succeeded(response)) return;
    if (operation.mock.action === 'delete') return this.forget(spec, resource, operation, testCase.key);
    if (operation.mock.action !== 'create') return;
    const at = keyPointer(operation, resource.key);
    const key = at && resolvePointer(response.body, at);
    const here = slot(spec, resource.name);
    if (key !== undefined && key !== null) this.created.set(here, [...(this.created.get(here) ?? []), key]);
    const entityAt = entityPointer(operation);
    const entity = entityAt && resolvePointer(response.body, entityAt);
    const keyed = isEntity(entity) && entity[resource.key] !== undefined && entity[resource.key] !== null;
    if (!this.known.has(here) && keyed) this.known.set(here, entity);
  }

  /** Only the entity a delete addressed is gone: a chain deleting its own leaves the discovered one known. */
  private forget(spec: SpecModel, resource: ResourceSpec, operation: Operation, key: unknown): void {
    if (key === undefined) return;
    const here = slot(spec, resource.name);
    const field = operation.mock.by ?? (resource.key as string);
    const known = this.known.get(here);
    if (known && String(known[field]) === String(key)) this.known.delete(here);
    const own = this.created.get(here);
    if (own && field === resource.key)
      this.created.set(
        here,
        own.filter((k) => String(k) !== String(key)),
      );
  }
}

function resourceOf(spec: SpecModel, operation: Operation): ResourceSpec | undefined {
  return spec.resources.find((r) => r.name === operation.mock.resource);
}
