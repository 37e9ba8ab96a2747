/**
 * `npm run docs:commands`: writes docs/commands.md from src/engine/commandReference.ts (`-- --check` exits 1
 * when the page is out of date, as `npm run schema -- --check` does for the JSON Schema).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commandReferenceMarkdown } from '../engine/commandReference';

const PATH = 'docs/commands.md';

function main(args: readonly string[]): number {
  const text = commandReferenceMarkdown();
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(PATH, 'utf8');
    } catch {
      // A missing page is simply out of date.
    }
    if (current === text) return 0;
    process.stderr.write(`${PATH} is out of date: run \`npm run docs:commands\`\n`);
    return 1;
  }
  writeFileSync(PATH, text);
  process.stdout.write(`wrote ${PATH}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
