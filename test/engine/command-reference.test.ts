/**
 * The command-log reference (docs/commands.md, issue 13): complete by construction (the tables are Records over
 * the command and rejection-code unions), every example is a command the parser accepts and the default
 * scenario knows, and the page is regenerated whenever the tables change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createSim } from '../../src/engine';
import { COMMAND_DOCS, commandReferenceMarkdown } from '../../src/engine/commandReference';
import { parseCommand } from '../../src/engine/parseCommand';
import { nairobi } from './fixtures';

describe('the command-log reference', () => {
  it('every example parses, and names things the default scenario has', () => {
    for (const [type, doc] of Object.entries(COMMAND_DOCS)) {
      const parsed = parseCommand(doc.example);
      expect(parsed, type).toEqual({ ok: true, cmd: doc.example });
      const sim = createSim(nairobi(), 1);
      const result = apply(sim, doc.example);
      // Accepted, or refused for a reason of the moment (nothing to lift yet, no open decision), never for a
      // name the default scenario does not have.
      if (!result.ok)
        expect(['cmd/not-active', 'cmd/no-such-prompt', 'cmd/not-held'], type).toContain(result.code);
    }
  });

  it('docs/commands.md is up to date (run `npm run docs:commands`)', () => {
    expect(readFileSync('docs/commands.md', 'utf8')).toBe(commandReferenceMarkdown());
  });
});
