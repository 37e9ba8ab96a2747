// Public surface of the scenario expression language. Other modules import
// from here, never from the individual stages.
export { EXPR_ERROR_CODES, MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './ast.js';
export type { Expr, ExprError, ExprErrorCode, Span, Name, BinaryOp, UnaryOp } from './ast.js';
export { parseExpression } from './parser.js';
export { compileExpression, describeSchema } from './compile.js';
export type {
  CompiledExpr,
  ExprField,
  ExprFunction,
  ExprReference,
  ExprSchema,
  ExprType,
  ExprValue,
  ExprVariable,
} from './compile.js';
