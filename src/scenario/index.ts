export {
  compile,
  compileFile,
  MAX_UNREAD_FILE_BYTES,
  refuseUnread,
  type CompiledFile,
  type CompileResult,
} from './compile';
export {
  DIAGNOSTIC_CODES,
  formatDiagnostic,
  MAX_DIAGNOSTICS,
  MAX_MESSAGE_CHARS,
  MAX_QUOTED_CHARS,
  quoteText,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from './diagnostics';
export { scenarioSchema, TEXT_LIMITS } from './schema';
export { parseDuration, parseDurationArg } from './duration';
