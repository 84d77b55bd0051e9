import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStateFile, StateFileError, Store, type StoreSnapshot } from '../../src/state';
import { loadSqliteDriver } from '../../src/state/sqlite-driver';
import { readSnapshot } from '../../src/state/state-db';
import { removeTempDirs, tempDir } from '../reliability/helpers/temp-dirs';

/** The SQLite state file on its own: round trips, the JSON migration, and each file it refuses. */
const dir = () => tempDir('state');
afterAll(removeTempDirs);

const FIXTURES: StoreSnapshot = {
  version: 1,
  collections: {
    // Integer-like keys stay in listing order; an object key is stored as its text.
    notes: [
      ['10', { id: 10, title: 'ten' }],
      ['2', { id: 2, title: 'two' }],
    ],
    $issued: [['{"a":1}', { scopes: ['read'] }]],
  },
  counters: { 'notes:id': 10, $clock: 1_757_440_800_000 },
};

/** A store with the fixtures, saved to the file as a running mock does; returns it attached. */
function started(path: string, options: { reset?: boolean; groupCommits?: boolean } = {}) {
  const opened = openStateFile(path, { seed: 7, ...options });
  const store = new Store();
  store.restore(opened.saved ?? FIXTURES);
  opened.persister.attach(store, !opened.saved, options);
  return { store, saved: opened.saved, close: () => opened.persister.close() };
}

function reopened(path: string): StoreSnapshot | undefined {
  const opened = openStateFile(path, { seed: 7 });
  opened.persister.close();
  return opened.saved;
}

function refusal(path: string, options: { reset?: boolean } = {}): string {
  try {
    openStateFile(path, { seed: 7, ...options }).persister.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StateFileError);
    return (error as Error).message;
  }
  throw new Error('the state file was accepted');
}

describe('the SQLite state file', () => {
  it('starts a new file from the fixtures and gives back every write, in listing order', () => {
    const path = join(dir(), 'state.db');
    const first = started(path);
    expect(first.saved).toBeUndefined();
    const notes = first.store.collection('notes');
    first.store.atomically(() => {
      notes.put('2', { id: 2, title: 'two, edited' }); // a replaced entity keeps its place
      notes.put('11', { id: 11, title: 'eleven' });
      first.store.nextCounter('notes:id', 1);
    });
    first.store.atomically(() => notes.remove('10'));
    first.store.atomically(() => notes.put('10', { id: 10, title: 'back' })); // now last, as in memory
    const expected = first.store.snapshot();
    first.close();
    expect(reopened(path)).toEqual(expected);
    expect(expected.collections.notes?.map(([key]) => key)).toEqual(['2', '11', '10']);
  });

  it('saves a cleared collection and a reset (a restore) whole, each before it returns', () => {
    const path = join(dir(), 'state.db');
    const first = started(path);
    first.store.atomically(() => first.store.collection('notes').clear());
    // An empty collection has no rows: it comes back absent, which reads the same.
    const { notes: _cleared, ...others } = first.store.snapshot().collections;
    expect(readWhileOpen(path)).toEqual({ ...FIXTURES, collections: others });
    const other: StoreSnapshot = { version: 1, collections: { other: [['x', { x: 1 }]] }, counters: {} };
    first.store.restore(other);
    expect(readWhileOpen(path)).toEqual(other);
    first.close();
    expect(reopened(path)).toEqual(other);
  });

  it('with grouped commits and bounds, saves the last entity each request of a turn wrote', async () => {
    const path = join(dir(), 'state.db');
    const first = started(path, { groupCommits: true });
    // Bounded writes are measured as JSON, and the commit reuses that text: it must be the latest one.
    first.store.setBounds({ maxEntities: 100, maxListItems: 100, maxWrittenBytes: 1_000_000 });
    const notes = first.store.collection('notes');
    first.store.atomically(() => notes.put('2', { id: 2, title: 'first' }));
    first.store.atomically(() => {
      notes.put('2', { id: 2, title: 'second' });
      notes.put('12', { id: 12, title: 'twelve' });
    });
    first.store.atomically(() => notes.put('2', { ...notes.get('2'), title: 'third' }));
    expect(readWhileOpen(path)).toEqual(FIXTURES);
    await first.store.committing;
    const expected = first.store.snapshot();
    expect(expected.collections.notes).toContainEqual(['2', { id: 2, title: 'third' }]);
    expect(readWhileOpen(path)).toEqual(expected);
    first.close();
    expect(reopened(path)).toEqual(expected);
  });

  it('is plain to read with SQL: one row per entity, its JSON as text', () => {
    const path = join(dir(), 'state.db');
    started(path).close();
    const db = new Database(path, { readonly: true });
    try {
      const rows = db
        .prepare(
          "SELECT key, json_extract(value, '$.title') AS title FROM entity WHERE collection = 'notes' ORDER BY position",
        )
        .all();
      expect(rows).toEqual([
        { key: '10', title: 'ten' },
        { key: '2', title: 'two' },
      ]);
      expect(db.prepare("SELECT value FROM meta WHERE name = 'format'").pluck().get()).toBe('secmock-state');
    } finally {
      db.close();
    }
  });

  it('creates a missing directory, and leaves only the database after a clean stop', () => {
    const base = dir();
    const path = join(base, 'nested', '.secmock', 'state.db');
    started(path).close();
    expect(readdirSync(join(base, 'nested', '.secmock'))).toEqual(['state.db']);
  });

  it('with --reset-state, replaces what the file held with the fixtures', () => {
    const path = join(dir(), 'state.db');
    const first = started(path);
    first.store.atomically(() => first.store.collection('notes').put('99', { id: 99 }));
    first.close();
    const reset = started(path, { reset: true });
    expect(reset.saved).toBeUndefined();
    reset.close();
    expect(reopened(path)).toEqual(FIXTURES);
  });
});

/** Reads the file while the mock that writes it still runs (WAL: a reader sees every commit). */
function readWhileOpen(path: string): StoreSnapshot {
  const db = new Database(path, { readonly: true });
  try {
    return readSnapshot(db);
  } finally {
    db.close();
  }
}

describe('a JSON state file of earlier versions', () => {
  const jsonState = (store: StoreSnapshot) =>
    JSON.stringify({ format: 'secmock-state', version: 1, savedAt: '2025-01-01T00:00:00Z', seed: 1, store });

  it('is converted in place, the JSON kept as .bak, and reported', () => {
    const base = dir();
    const path = join(base, 'state.json');
    writeFileSync(path, jsonState(FIXTURES));
    writeFileSync(`${path}.4242.tmp`, '{"format": "secm'); // what its writer left when killed
    const info = jest.fn();
    const opened = openStateFile(path, { seed: 7, info });
    opened.persister.close();
    expect(opened.saved).toEqual(FIXTURES);
    expect(info).toHaveBeenCalledWith(expect.stringContaining(`the JSON is kept as ${path}.bak`));
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(jsonState(FIXTURES));
    expect(readdirSync(base).sort()).toEqual(['state.json', 'state.json.bak']);
    expect(reopened(path)).toEqual(FIXTURES);
  });

  it('is converted again when a conversion was cut short, and what that left is removed', () => {
    const base = dir();
    const path = join(base, 'state.db');
    writeFileSync(path, jsonState(FIXTURES));
    writeFileSync(`${path}.migrating`, 'half a database');
    writeFileSync(`${path}.migrating-journal`, 'its journal');
    expect(reopened(path)).toEqual(FIXTURES);
    expect(readdirSync(base).sort()).toEqual(['state.db', 'state.db.json.bak']);
  });

  it('is refused, and left as it is, when it does not parse', () => {
    const path = join(dir(), 'state.json');
    const broken = '{"format": "secmock-state", "version": 1, "store": {"coll';
    writeFileSync(path, broken);
    expect(refusal(path)).toMatch(`--state-file ${path}: the JSON state file is unreadable`);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });
});

describe('refused state files', () => {
  it('a file that is neither SQLite nor JSON: refused and left as it is; --reset-state replaces it', () => {
    const path = join(dir(), 'state.db');
    writeFileSync(path, 'not a database at all');
    expect(refusal(path)).toBe(
      `--state-file ${path}: this file is neither a secmock state database nor a JSON state file; ` +
        'point --state-file at another file, or start with --reset-state to replace it',
    );
    expect(readFileSync(path, 'utf8')).toBe('not a database at all');
    started(path, { reset: true }).close();
    expect(reopened(path)).toEqual(FIXTURES);
  });

  it('a damaged database (an SQLite header over garbage): refused and left as it is', () => {
    const path = join(dir(), 'state.db');
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]);
    writeFileSync(path, damaged);
    expect(refusal(path)).toMatch(new RegExp(`^--state-file ${path}: cannot be used \\(SQLITE_`));
    expect(readFileSync(path).equals(damaged)).toBe(true);
    started(path, { reset: true }).close();
    expect(reopened(path)).toEqual(FIXTURES);
  });

  it("another program's database: refused, even with --reset-state", () => {
    const path = join(dir(), 'app.db');
    const db = new Database(path);
    db.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada')");
    db.close();
    for (const reset of [false, true])
      expect(refusal(path, { reset })).toMatch(
        `--state-file ${path}: this SQLite database is not secmock's (it has the tables users)`,
      );
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT name FROM users').pluck().all()).toEqual(['ada']);
    after.close();
  });

  it('a file of another format version: refused; --reset-state replaces it', () => {
    const path = join(dir(), 'state.db');
    started(path).close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = '3' WHERE name = 'version'").run();
    db.close();
    expect(refusal(path)).toMatch(
      'written in format version 3 by another secmock version (this one reads 2)',
    );
    started(path, { reset: true }).close();
    expect(reopened(path)).toEqual(FIXTURES);
  });

  it('a directory, and a path under a file: refused with the reason', () => {
    const base = dir();
    mkdirSync(join(base, 'taken'));
    expect(refusal(join(base, 'taken'))).toMatch('this is a directory; give the path of a file in it');
    writeFileSync(join(base, 'plain'), '');
    expect(refusal(join(base, 'plain', 'state.db'))).toMatch(
      `cannot create its directory ${join(base, 'plain')}`,
    );
  });

  it('a machine where better-sqlite3 could not be installed: says how to install it', () => {
    const missing = () => {
      throw new Error("Cannot find module 'better-sqlite3'\nRequire stack: ...");
    };
    expect(() => loadSqliteDriver(missing)).toThrow(
      new StateFileError(
        "--state-file needs the optional package better-sqlite3, which could not be loaded (Cannot find module 'better-sqlite3'). " +
          'Install it with `npm install better-sqlite3@12` (it builds a native module where no prebuilt one fits: ' +
          'Python and a C++ compiler are needed), or run without --state-file',
      ),
    );
  });
});

describe('a commit that fails', () => {
  it("undoes the request's writes in memory too, so that what is served is what is saved", () => {
    const path = join(dir(), 'state.db');
    const { store, close } = started(path);
    // Another connection makes the next insert fail, as a full disk would.
    const saboteur = new Database(path);
    saboteur.exec(
      "CREATE TRIGGER full BEFORE INSERT ON entity WHEN NEW.key = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect(() =>
      store.atomically(() => {
        store.collection('notes').put('3', { id: 3 });
        store.collection('notes').put('boom', { id: 4 });
      }),
    ).toThrow(
      new StateFileError(`--state-file ${path}: a change could not be saved, so it was not made (disk full)`),
    );
    saboteur.exec('DROP TRIGGER full');
    saboteur.close();
    expect(store.collection('notes').has('3')).toBe(false);
    close();
    expect(reopened(path)).toEqual(FIXTURES);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
