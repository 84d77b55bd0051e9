import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EXTRA_FORMATS } from './formats';

/**
 * The one way secmock builds an Ajv instance: JSON Schema 2020-12 (OpenAPI 3.1's dialect), every error
 * reported, formats checked. OpenAPI adds keywords (example, discriminator, xml, externalDocs, x-*)
 * that are annotations for validation purposes, so unknown keywords are tolerated.
 */
export function createAjv(options: { coerceTypes?: boolean; keepSource?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: true,
    coerceTypes: options.coerceTypes ? 'array' : false,
    // Specs are authored by people: a schema mistake must surface as a lint problem, not a crash.
    validateSchema: false,
    discriminator: false,
    // Kept only when the compiled code is to be saved as a module (ajv/dist/standalone).
    code: { source: options.keepSource === true },
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(EXTRA_FORMATS)) ajv.addFormat(name, format);
  // OpenAPI formats that only describe numbers and strings (media-range is used by the OpenAPI 3.1 schema).
  for (const format of ['float', 'double', 'byte', 'binary', 'password', 'media-range']) {
    ajv.addFormat(format, true);
  }
  return ajv;
}
