import { basename, extname } from 'node:path';
import { ADMIN_PREFIX } from '../mock';
import { listSpecFiles, readSecuritySchemes } from '../openapi';
import { credentialLines } from './credentials-text';

/**
 * The text after `secmock serve --help`: the default credentials of every bundled spec, read from the
 * specs themselves (so a new spec shows its own with no code change), the admin API and Prefer.
 */
export function serveHelpText(specFiles: readonly string[] = listSpecFiles()): string {
  const lines = ['', 'Default credentials (declared by each spec; replace them with --credentials <file>):'];
  for (const file of specFiles) {
    const schemes = readSecuritySchemes(file);
    if (schemes.length === 0) continue;
    lines.push(`  ${basename(file, extname(file))}`);
    lines.push(...credentialLines(schemes, (scheme) => scheme.credentials).map((line) => `  ${line}`));
  }
  lines.push(
    '',
    'Admin API (loopback only unless --admin-token):',
    `  GET  ${ADMIN_PREFIX}/health | state[?collection=<name>] | requests | scenarios`,
    `  POST ${ADMIN_PREFIX}/reset | scenarios {operationId, status?, example?, body?, delayMs?, times?} | clock {advanceMs}`,
    '',
    'Per request: Prefer: code=<status> | example=<name> | dynamic=true | strict=true|false',
  );
  return lines.join('\n');
}
