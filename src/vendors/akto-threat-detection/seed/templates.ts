import type { Faker } from '@faker-js/faker';
import type { Entity } from '../../../state';
import { INJECTION_TEMPLATES, type TemplateSeed } from './catalogue';
import { OTHER_TEMPLATES } from './catalogue-more';
import { DAY_S } from '../model';

/** Every detection template, in catalogue order. */
export const TEMPLATE_SEEDS: TemplateSeed[] = [...INJECTION_TEMPLATES, ...OTHER_TEMPLATES];

export const subCategoryOf = (seed: TemplateSeed): string => seed.subCategory ?? seed.id;

const CWE: Record<string, string[]> = {
  SQL_INJECTION: ['CWE-89'],
  XSS: ['CWE-79'],
  NOSQL_INJECTION: ['CWE-943'],
  OS_COMMAND_INJECTION: ['CWE-78'],
  COMMAND_INJECTION: ['CWE-77'],
  SSRF: ['CWE-918'],
  LFI_RFI: ['CWE-22', 'CWE-98'],
  SecurityMisconfig: ['CWE-16'],
  RL: ['CWE-770'],
  RCE: ['CWE-917'],
  SSTI: ['CWE-1336'],
  BROKEN_AUTHENTICATION: ['CWE-347'],
};
const CVE: Record<string, string[]> = { Log4ShellJNDIInjection: ['CVE-2021-44228', 'CVE-2021-45046'] };

function templateInfo(seed: TemplateSeed): Entity {
  return {
    name: seed.id,
    description: `The ${seed.id} filter flags ${seed.detects}.`,
    details: `${seed.displayName} in API threat protection at runtime: every request is inspected and ${seed.detects} are flagged as they happen. ${seed.impact}`,
    impact: seed.impact,
    category: { name: seed.category, displayName: seed.displayName, shortName: null },
    subCategory: subCategoryOf(seed),
    severity: seed.severity,
    references: null,
    tags: [seed.category.toLowerCase()],
    cwe: CWE[seed.category] ?? null,
    cve: CVE[seed.id] ?? null,
    remediation: seed.remediation.map((line) => `- ${line}`).join('\n'),
    compliance: null,
  };
}

const AGGREGATION_RULES = [
  'aggregation_rules:',
  '  - rule:',
  '      name: "Rule 1"',
  '      condition:',
  '        matchCount: 50',
  '        windowThreshold: 5',
].join('\n');

/** The template's YAML source, as the vendor stores it (its `info` block restates the parsed info). */
function templateYaml(seed: TemplateSeed, info: Entity): string {
  const quoted = (value: unknown) => JSON.stringify(value);
  const lines = [
    `id: ${seed.id}`,
    'filter:',
    `  ${seed.filter}`,
    '',
    'info:',
    `  name: ${quoted(info.name)}`,
    `  description: ${quoted(info.description)}`,
    `  details: ${quoted(info.details)}`,
    `  impact: ${quoted(info.impact)}`,
    '  category:',
    `    name: ${quoted(seed.category)}`,
    `    displayName: ${quoted(seed.displayName)}`,
    `  subCategory: ${quoted(info.subCategory)}`,
    `  severity: ${seed.severity}`,
    '',
  ];
  if (seed.aggregated) lines.push(AGGREGATION_RULES, '');
  return lines.join('\n');
}

/** Stored `FilterTemplate` entities; built-in ones were installed long before the custom ones. */
export function buildTemplates(faker: Faker, nowS: number): Entity[] {
  return TEMPLATE_SEEDS.map((seed) => {
    const builtIn = seed.author === undefined;
    const createdAt = nowS - faker.number.int(builtIn ? { min: 60, max: 120 } : { min: 31, max: 45 }) * DAY_S;
    const info = templateInfo(seed);
    return {
      id: seed.id,
      author: seed.author ?? 'AKTO',
      content: templateYaml(seed, info),
      info,
      createdAt,
      updatedAt: createdAt + faker.number.int({ min: 0, max: 20 }) * DAY_S,
    };
  });
}

/** Markdown guidance for a stored template, or generic guidance naming an unknown test id. */
export function remediationMarkdown(testId: string, template: Entity | undefined): string {
  const info = template?.info as
    | { description: string; impact: string; remediation: string | null; category: { displayName: string } }
    | undefined;
  if (!info)
    return [
      `## Remediation: ${testId}`,
      '',
      `No filter template named \`${testId}\` is installed; general guidance:`,
      '',
      '- Validate every request parameter against a schema and an allow-list of expected values.',
      '- Encode output for its context and use parameterised queries for every data store.',
      '- Rate-limit and monitor the affected endpoints, and block sources that keep attacking them.',
    ].join('\n');
  return [
    `## Remediation: ${info.category.displayName} (${testId})`,
    '',
    info.description,
    '',
    `**Impact:** ${info.impact}`,
    '',
    info.remediation ?? '- Review the flagged requests and harden the affected endpoints.',
  ].join('\n');
}
