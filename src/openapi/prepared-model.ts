import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { specIdOf } from './files';
import { deserialize, serialize } from 'node:v8';
import type { SpecModel } from './model';
import { contentHashOf } from './parse-file';

/**
 * The build saves each bundled spec's model, as a start loads it (examples unchecked), with V8's serializer,
 * which keeps the dereferenced schemas' shared and circular references: reading it takes some 20 ms where
 * parsing, checking and dereferencing the four specs took 150 or more. Named by the spec's id and the hash
 * of its text, and found next to the compiled code only (dist/prepared): run from the sources, the specs are loaded.
 */
const PREPARED = join(__dirname, '..', 'prepared');
// The id comes from the file's name, and every operation carries it: a copy under another name is another spec.
const modelFile = (id: string, contentHash: string) => join(PREPARED, `model-${id}-${contentHash}.v8`);

/** The prepared model of the spec file, at the path it was asked by, if the build prepared one. */
export function readPreparedModel(file: string): SpecModel | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const prepared = modelFile(specIdOf(file), contentHashOf(text));
  if (!existsSync(prepared)) return undefined;
  return { ...(deserialize(readFileSync(prepared)) as SpecModel), file };
}

/** Saves a model for readPreparedModel (`npm run build` does, for the bundled specs). */
export function writePreparedModel(model: SpecModel): void {
  if (model.contentHash === undefined) throw new Error(`${model.file} was not loaded from a file`);
  mkdirSync(PREPARED, { recursive: true });
  writeFileSync(modelFile(model.id, model.contentHash), serialize(model));
}
