import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * secmock's version, as package.json states it: reports name the tool that wrote them. Read at run time from
 * the package root (two levels above both src/contract and dist/contract), so there is one source of truth.
 */
export const TOOL_VERSION: string = (() => {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();
