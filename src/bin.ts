#!/usr/bin/env node
import { join } from 'node:path';
import { loadBundle, type CliModule } from './launch';

/**
 * The `secmock` command: the bundled CLI the build made, with V8's saved code (src/launch/), else, when the
 * build made no bundle, the same CLI from its modules one by one.
 */
const bundled = loadBundle(join(__dirname, 'bundle'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when there is no bundle
const cli: CliModule = bundled?.cli ?? (require('./cli') as CliModule);
cli.main();
