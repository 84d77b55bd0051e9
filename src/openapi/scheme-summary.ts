import { parseSpecFile } from './parse-file';
import { buildSecuritySchemes } from './security-schemes';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SecuritySchemeSpec } from './model';

/**
 * A spec's security schemes read straight from the file, without loading the whole spec: quick enough for
 * `secmock serve --help`, which shows every spec's default credentials. Unreadable files give none (lint
 * and serve report them properly).
 */
export function readSecuritySchemes(file: string): SecuritySchemeSpec[] {
  const parsed = parseSpecFile(file);
  if (!parsed.ok) return [];
  return buildSecuritySchemes(parsed.parsed.data as OpenAPIV3_1.Document).schemes;
}
