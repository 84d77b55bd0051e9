import { lookup, renderTemplate } from '../../../src/openapi/render-template';

const scope = {
  body: {
    name: 'Disk full',
    severity: 'in_progress',
    ids: [1, 2, 3],
    nested: { deep: { value: 7 } },
    nothing: null,
  },
  query: { level: 'CRITICAL' },
  now: '2025-09-09T18:00:00Z',
  zero: 0,
  flag: false,
};

describe('renderTemplate', () => {
  it.each([
    ['$body.name', 'Disk full'],
    ['$body.ids', [1, 2, 3]],
    ['$body.nested.deep.value', 7],
    ['$zero', 0],
    ['$flag', false],
    ['$body.nothing', null],
    ['$body.severity|display', 'In Progress'],
    ['$query.level|display', 'Critical'],
    ['$body.name|upper', 'DISK FULL'],
    ['$query.level|lower', 'critical'],
    ['$body.ids|count', 3],
    ['$body.name|count', 1],
    ['$body.absent|count', 0],
    ['$body.nothing|count', 0],
    ['$zero|upper', 0],
  ])('a whole expression %s keeps its value and type', (template, expected) => {
    expect(renderTemplate(template, scope)).toEqual(expected);
  });

  it.each([
    ['Alert: ${body.name}', 'Alert: Disk full'],
    ['${body.nested.deep.value} of ${body.ids|count}', '7 of 3'],
    ['[${body.absent}] [${body.nothing}]', '[] []'],
    ['${query.level|display}!', 'Critical!'],
    ['no expression here', 'no expression here'],
    ['$ 5 and $$', '$ 5 and $$'],
    ['price: $body.name', 'price: $body.name'],
  ])('an inline expression in %j is interpolated as text', (template, expected) => {
    expect(renderTemplate(template, scope)).toBe(expected);
  });

  it('renders objects and arrays deeply, dropping keys and items that name nothing', () => {
    const template = {
      title: '$body.name',
      gone: '$body.absent',
      list: ['$body.absent', '$query.level', 3],
      inner: { at: '$now', gone: '$nope.deeper' },
      literal: null,
      n: 1,
    };
    expect(renderTemplate(template, scope)).toEqual({
      title: 'Disk full',
      list: ['CRITICAL', 3],
      inner: { at: '2025-09-09T18:00:00Z' },
      literal: null,
      n: 1,
    });
  });

  it('answers a value that does not share structure with the template', () => {
    const template = { a: { b: 1 } };
    const rendered = renderTemplate(template, scope) as { a: { b: number } };
    rendered.a.b = 2;
    expect(template.a.b).toBe(1);
  });

  it('throws on an unknown filter', () => {
    expect(() => renderTemplate('$body.name|shout', scope)).toThrow("unknown template filter '|shout'");
    expect(() => renderTemplate('x ${body.name|shout}', scope)).toThrow('|shout');
  });
});

describe('lookup', () => {
  it.each([
    ['body.name', 'Disk full'],
    ['body.ids.1', 2],
    ['body.name.length', undefined],
    ['body.nothing.x', undefined],
    ['missing.x', undefined],
  ])('%s -> %j', (expression, expected) => {
    expect(lookup(scope, expression)).toEqual(expected);
  });
});
