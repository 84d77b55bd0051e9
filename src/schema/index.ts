/**
 * JSON Schema for the rest of secmock: the one place an Ajv instance is made (ajv.ts), compilation of the
 * specs' schemas (compile.ts) and of secmock's own fixed schemas (fixed.ts), and violations as data. It knows
 * nothing of OpenAPI.
 */
export { SchemaCompiler, type JsonSchema, type SchemaValidator } from './compile';
export {
  compileFixed,
  standaloneSource,
  wrapPrecompiled,
  type FixedValidator,
  type SchemaError,
} from './fixed';
export { formatViolation, pointerToPath, toViolations, type Violation } from './violations';
