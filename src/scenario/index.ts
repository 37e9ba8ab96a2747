export { compile, type CompileResult } from './compile';
export {
  DIAGNOSTIC_CODES,
  formatDiagnostic,
  MAX_DIAGNOSTICS,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from './diagnostics';
export { scenarioSchema, TEXT_LIMITS } from './schema';
export { parseDuration, parseDurationArg } from './duration';
