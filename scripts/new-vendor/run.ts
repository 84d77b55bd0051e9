import { scaffold, ScaffoldError } from './scaffold';

/** `npm run new-vendor <spec-id> [-- --module]`: see docs/adding-a-vendor.md. */
const USAGE = 'usage: npm run new-vendor <spec-id> [-- --module]';

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('-'));
  const names = argv.filter((a) => !a.startsWith('-'));
  const unknown = flags.filter((f) => f !== '--module');
  if (unknown.length > 0 || names.length !== 1) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    // npm runs a script from the package root, which is where the files go.
    const written = scaffold({
      root: process.cwd(),
      id: names[0],
      module: flags.includes('--module'),
    });
    console.log(`written:\n${written.map((f) => `  ${f}`).join('\n')}`);
    console.log(
      `next: npm start serves it; edit specs/${names[0]}.yaml after the vendor's documentation, then npm test`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new-vendor: ${error.message}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
