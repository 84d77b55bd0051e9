/** Requests and responses against an operation: shared by the mock's self-check and the verifier. */
export { ResponseValidator } from './response';
export { compileRequestValidator, type RequestValidator, type ValidatedRequest } from './request';
