import type { Database } from './sqlite-driver';
import type { Entity, StoreSnapshot } from './store';

/**
 * The state file's tables, plain enough to read with the `sqlite3` CLI:
 *   meta(name, value)                      format, version, seed
 *   entity(position, collection, key, value) one row per stored entity, its JSON as TEXT
 *   counter(name, value)                   id counters and the virtual clock ('$clock')
 * `position` is the listing order: a new row gets the next one, a replaced entity keeps its own.
 */
export const FORMAT = 'secmock-state';
/** Version 1 was the JSON file; 2 is this schema. */
export const SCHEMA_VERSION = 2;

const SCHEMA = `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE entity (
    position INTEGER PRIMARY KEY,
    collection TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (collection, key)
  );
  CREATE TABLE counter (name TEXT PRIMARY KEY, value NUMERIC NOT NULL);
`;

export type DbKind =
  | { kind: 'empty' }
  | { kind: 'secmock'; version: number }
  | { kind: 'foreign'; tables: string[] };

/** What the database holds, read without changing it. */
export function identify(db: Database): DbKind {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>
  )
    .map((row) => row.name)
    .filter((name) => !name.startsWith('sqlite_'));
  if (tables.length === 0) return { kind: 'empty' };
  if (!['meta', 'entity', 'counter'].every((name) => tables.includes(name)))
    return { kind: 'foreign', tables };
  const meta = metaOf(db);
  if (meta.format !== FORMAT) return { kind: 'foreign', tables };
  return { kind: 'secmock', version: Number(meta.version) };
}

function metaOf(db: Database): Record<string, string> {
  const rows = db.prepare('SELECT name, value FROM meta').all() as Array<{ name: string; value: string }>;
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/** Creates the tables in an empty database. */
export function createSchema(db: Database, seed: number): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    const meta = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)');
    meta.run('format', FORMAT);
    meta.run('version', String(SCHEMA_VERSION));
    meta.run('seed', String(seed));
  })();
}

/** Notes the seed of the run that writes the file now (also the first write, so a read-only file shows). */
export function noteSeed(db: Database, seed: number): void {
  db.prepare(
    "INSERT INTO meta (name, value) VALUES ('seed', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  ).run(String(seed));
}

/** Everything stored, as the snapshot the engine restores; a value that is not JSON names its row. */
export function readSnapshot(db: Database): StoreSnapshot {
  const collections: StoreSnapshot['collections'] = {};
  const rows = db
    .prepare('SELECT collection, key, value FROM entity ORDER BY position')
    .iterate() as Iterable<{
    collection: string;
    key: string;
    value: string;
  }>;
  for (const row of rows) {
    (collections[row.collection] ??= []).push([row.key, parseEntity(row)]);
  }
  const counters: Record<string, number> = {};
  for (const row of db.prepare('SELECT name, value FROM counter').all() as Array<{
    name: string;
    value: number;
  }>)
    counters[row.name] = Number(row.value);
  return { version: 1, collections, counters };
}

function parseEntity(row: { collection: string; key: string; value: string }): Entity {
  try {
    return JSON.parse(row.value) as Entity;
  } catch (error) {
    throw new Error(`the entity '${row.key}' of ${row.collection} is not JSON (${(error as Error).message})`);
  }
}

/** Replaces everything stored with the snapshot's entities and counters (the caller opens the transaction). */
export function writeSnapshot(db: Database, snapshot: StoreSnapshot): void {
  db.exec('DELETE FROM entity; DELETE FROM counter;');
  const insert = db.prepare('INSERT INTO entity (collection, key, value) VALUES (?, ?, ?)');
  for (const [name, entries] of Object.entries(snapshot.collections))
    for (const [key, entity] of entries) insert.run(name, key, JSON.stringify(entity));
  const counter = db.prepare('INSERT INTO counter (name, value) VALUES (?, ?)');
  for (const [name, value] of Object.entries(snapshot.counters)) counter.run(name, value);
}
