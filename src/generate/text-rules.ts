import type { Faker } from '@faker-js/faker';
import { VOCABULARY, type VocabularyList } from './data/vocabulary';
import type { StringRule } from './geo-rules';

/**
 * Text fields by name, drawn from the security vocabulary (data/vocabulary.ts): titles read like incident
 * titles, descriptions like alert descriptions, notes like an analyst's notes. Never lorem ipsum.
 */
export function pickText(faker: Faker, list: VocabularyList): string {
  return faker.helpers.arrayElement(VOCABULARY[list]);
}

/** A short word for a text field whose name says nothing (and for the schema `true`). */
export function fallbackWord(faker: Faker): string {
  return pickText(faker, 'words');
}

const from =
  (list: VocabularyList): StringRule[1] =>
  ({ faker }) =>
    pickText(faker, list);

const number = (faker: Faker, max: number) => faker.number.int({ min: 1, max });

/** `SQL injection attempt on /api/login (web-07)`: the host it is about. */
const title: StringRule[1] = ({ faker }) =>
  `${pickText(faker, 'titles')} (${pickText(faker, 'hosts')}-${String(number(faker, 99)).padStart(2, '0')})`;

/** `soc-alerts-eu-west-2`: a slug with the environment it serves. */
const webhookName: StringRule[1] = ({ faker }) =>
  `${pickText(faker, 'webhookNames')}-${pickText(faker, 'environments')}-${number(faker, 9)}`;

/** `Corporate VPN (staging-3)`. */
const name: StringRule[1] = ({ faker }) =>
  `${pickText(faker, 'names')} (${pickText(faker, 'environments')}-${number(faker, 9)})`;

/** Checked in order: the more specific names first (`errorMessage` is an error, not a message). */
export const TEXT_RULES: StringRule[] = [
  [/(incident|issue|alert|event|threat|finding|ticket)_?name$|(title|subject|headline)$/i, title],
  [/(webhook|channel|integration|connector|hook)_?name$/i, webhookName],
  [/(^|_)err(or)?(_?(message|msg|text))?$|(^err|[a-z]Err)(or)?(Message|Msg|Text)?$/, from('errors')],
  [
    /(description|message|detail|details|summary|summaries|reason|impact|remediation|msg)$/i,
    from('descriptions'),
  ],
  [/(note|comment|justification|remark|text)$/i, from('comments')],
  [/categor(y|ies)$/i, from('categories')],
  [/severity$/i, from('severities')],
  [/status$/i, from('statuses')],
  [/(tag|tags|label|labels)$/i, from('tags')],
  [/name$/i, name],
];
