import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/scenario';
import { toCmDiagnostics } from '../../src/ui/studio/diagnosticSpans';

const doc = Text.of(['services:', '  - { from: portal, to: netwrk, kind: hard }', '    capacty: 5', '']);
const at = (line: number, column: number, code: Diagnostic['code'] = 'SCN021'): Diagnostic => ({
  code,
  severity: 'error',
  file: 'draft.yaml',
  line,
  column,
  path: '',
  message: 'm',
});
const spans = (d: Diagnostic) => {
  const [c] = toCmDiagnostics(doc, [d]);
  return doc.sliceString(c!.from, c!.to);
};

describe('diagnostics as squiggles', () => {
  it('covers the word the diagnostic points at, without a key’s colon', () => {
    expect(spans(at(2, 25))).toBe('netwrk');
    expect(spans(at(3, 5, 'SCN010'))).toBe('capacty');
  });

  it('says the code and the fix in the message', () => {
    const [c] = toCmDiagnostics(doc, [at(2, 25)]);
    expect(c!.message).toBe(`SCN021 m — Fix: ${DIAGNOSTIC_CODES.SCN021.fix}`);
    expect(c!.severity).toBe('error');
  });

  it('keeps a position past the end of a line or of the file inside the document', () => {
    const end = toCmDiagnostics(doc, [at(1, 99)])[0]!;
    expect(end.to).toBe(doc.line(1).to);
    expect(end.to - end.from).toBe(1);
    const past = toCmDiagnostics(doc, [at(40, 1)])[0]!;
    expect(past.to).toBeLessThanOrEqual(doc.length);
  });
});
