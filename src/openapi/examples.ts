import { formatViolation, SchemaCompiler } from '../schema';
import type { MediaTypeSpec, Operation } from './model';
import type { SpecProblem } from './problems';

export interface ExampleCheck {
  checked: number;
  problems: Omit<SpecProblem, 'file'>[];
}

/** Every request, response and parameter example must satisfy its own schema. */
export function checkExamples(operations: readonly Operation[]): ExampleCheck {
  const validators = new SchemaCompiler();
  const problems: ExampleCheck['problems'] = [];
  let checked = 0;
  const checkMedia = (media: MediaTypeSpec) => {
    if (!media.schema) return;
    for (const example of media.examples) {
      checked++;
      let violations;
      try {
        violations = validators.compile(media.schema, '$')(example.value);
      } catch (error) {
        problems.push({
          pointer: example.pointer,
          message: `schema does not compile: ${String(error)}`,
          severity: 'error',
        });
        continue;
      }
      for (const v of violations) {
        problems.push({
          pointer: example.pointer,
          message: `example '${example.name}' violates its schema: ${formatViolation(v)}`,
          severity: 'error',
        });
      }
    }
  };
  for (const op of operations) {
    for (const media of op.requestBody?.content ?? []) checkMedia(media);
    for (const response of op.responses) for (const media of response.content) checkMedia(media);
    for (const param of op.parameters) {
      checkMedia({
        contentType: 'param',
        schema: param.schema,
        examples: param.examples.map((e) => ({ ...e, pointer: op.pointer })),
      });
    }
  }
  return { checked, problems };
}
