import { readFileSync } from 'node:fs';
import { compileFixed, formatViolation, toViolations } from '../schema';
import { InputError } from './input-error';
import { checkSchemeNames } from './scheme-names';

export type CredentialOverrides = Record<string, Array<{ value: string; scopes?: string[] }>>;

/** The shape `serve --help` and the README document; anything else would start a mock nobody can log in to. */
export const CREDENTIALS_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['value'],
      additionalProperties: false,
      properties: {
        value: { type: 'string', minLength: 1 },
        scopes: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

const SHAPE = '{ "<securityScheme>": [{ "value": "...", "scopes": ["..."] }] }';

/**
 * `serve --credentials <file>`: read, parsed as JSON, checked against the documented shape, and every scheme
 * name one of the served specs declares (`declared`). Each mistake is an InputError naming the flag and the file.
 */
export function readCredentialsFile(file: string, declared: readonly string[]): CredentialOverrides {
  const where = `--credentials ${file}`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${where}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where}: not JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  const errors = compileFixed(CREDENTIALS_FILE_SCHEMA)(data);
  if (errors.length > 0) {
    const violations = toViolations('$', errors).map(formatViolation);
    throw new InputError(`${where}: ${violations.join('; ')}; expected ${SHAPE}`);
  }
  const overrides = data as CredentialOverrides;
  checkSchemeNames(Object.keys(overrides), declared, where);
  return overrides;
}
