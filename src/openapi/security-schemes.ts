import type { OpenAPIV3_1 } from 'openapi-types';
import { checkSchemeAnnotation } from './annotations';
import type { CredentialSpec, SecuritySchemeSpec } from './model';
import type { SpecProblem } from './problems';

interface SchemeAnnotation {
  credentials?: CredentialSpec[];
  issuedBy?: { operationId: string; field: string };
}

export function buildSecuritySchemes(document: OpenAPIV3_1.Document): {
  schemes: SecuritySchemeSpec[];
  problems: Omit<SpecProblem, 'file'>[];
} {
  const problems: Omit<SpecProblem, 'file'>[] = [];
  const schemes = Object.entries(document.components?.securitySchemes ?? {}).map(([name, raw]) => {
    const scheme = raw as OpenAPIV3_1.SecuritySchemeObject;
    const annotation = (scheme as { 'x-secmock'?: SchemeAnnotation })['x-secmock'];
    const pointer = `/components/securitySchemes/${name}/x-secmock`;
    if (annotation !== undefined) {
      for (const issue of checkSchemeAnnotation(annotation)) {
        problems.push({ pointer: pointer + issue.pointer, message: issue.message, severity: 'error' });
      }
    }
    const spec: SecuritySchemeSpec = {
      name,
      type: scheme.type as SecuritySchemeSpec['type'],
      credentials: annotation?.credentials ?? [],
      issuedBy: annotation?.issuedBy,
    };
    if (scheme.type === 'apiKey') {
      spec.in = scheme.in as SecuritySchemeSpec['in'];
      spec.paramName = scheme.name;
    } else if (scheme.type === 'http') {
      spec.httpScheme = scheme.scheme.toLowerCase();
    }
    return spec;
  });
  return { schemes, problems };
}
