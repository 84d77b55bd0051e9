import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/**
 * The TypeScript types of one spec as `openapi-typescript` writes them with its default options (`paths`,
 * `operations`, `components`): what `npx openapi-typescript specs/<spec-id>.yaml` gives a user. The package
 * ships them as `secmock/types/<spec-id>` (types/<spec-id>.d.ts, written by `npm run build`).
 */
export async function specTypes(specFile: string): Promise<string> {
  const nodes = await openapiTS(pathToFileURL(specFile));
  return `${COMMENT_HEADER}${astToString(nodes)}`;
}

/** The specs of a folder (`<spec-id>.yaml`), by id. */
export function specFiles(specDir: string): Array<{ id: string; file: string }> {
  return readdirSync(specDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ id: name.slice(0, -'.yaml'.length), file: join(specDir, name) }));
}

/** Writes `<outDir>/<spec-id>.d.ts` for every spec of specDir (emptying outDir first); the files written. */
export async function writeSpecTypes(specDir: string, outDir: string): Promise<string[]> {
  const generated = await Promise.all(
    specFiles(specDir).map(async ({ id, file }) => ({ id, text: await specTypes(file) })),
  );
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return generated.map(({ id, text }) => {
    const target = join(outDir, `${id}.d.ts`);
    writeFileSync(target, text);
    return target;
  });
}
