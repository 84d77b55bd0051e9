import type * as JsYamlLibrary from 'js-yaml';
import type * as YamlLibrary from 'yaml';

type JsYaml = typeof JsYamlLibrary;
type Yaml = typeof YamlLibrary;
let jsYamlModule: JsYaml | undefined;
let yamlModule: Yaml | undefined;

/*
 * The YAML parsers load on first use. A start reads the JSON copies the build saved of the bundled specs and
 * seed files (parse-file.ts), so it needs neither, and the bundled CLI leaves them out (src/launch/): loaded
 * by every start, their 400 KB cost memory and time for nothing.
 */

/** js-yaml: the fast reader of a spec's data. */
export function jsYaml(): JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would be async
  jsYamlModule ??= require('js-yaml') as JsYaml;
  return jsYamlModule;
}

/** `yaml`: the reader of seed files, and of any file when a problem needs the line of a JSON pointer. */
export function yamlLibrary(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would be async
  yamlModule ??= require('yaml') as Yaml;
  return yamlModule;
}
