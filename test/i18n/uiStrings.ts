/**
 * Finds interface text written straight into the code instead of going through `t()` (src/i18n): a string or
 * template with words in it, given as an element's text, title, placeholder or aria label (`h(tag, { text })`,
 * a string child of `h()`, `setText`, `setAttr`, `.textContent =`, `.title =`), or drawn on the map
 * (`add.text`, `setText` on a Phaser text). The TypeScript parser reads the files, so comments and imports
 * never count.
 *
 * Not every literal is a sentence: ids, class names, CSS, key names and symbols ("×", "▶", "T+") have no
 * letters or are not in those places. A literal that really is not language (a product name) is marked on its
 * line with `// i18n-ignore: why`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const TEXT_PROPS = new Set([
  'text',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'alt',
  'label',
]);
const TEXT_ATTRS = new Set([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'alt',
  'label',
]);
const ASSIGNED = new Set(['textContent', 'title', 'placeholder', 'ariaLabel', 'innerText', 'alt']);
/** Two letters in a row in any script: a word. "×", "↓ 3", "T+", ":" and "" are not. */
const WORD = /\p{L}{2,}/u;

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
  if (ts.isConditionalExpression(node)) {
    const a = literalText(node.whenTrue);
    const b = literalText(node.whenFalse);
    return a ?? b;
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return literalText(node.left) ?? literalText(node.right);
  return null;
}

function calleeName(call: ts.CallExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

export function findInSource(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lines = source.split('\n');
  const found: Finding[] = [];
  const report = (node: ts.Node) => {
    const text = literalText(node);
    if (text === null || !WORD.test(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (/i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '')) return;
    found.push({ file: fileName, line: line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node)) {
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
      if (TEXT_PROPS.has(name)) report(node.initializer);
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments;
      if (name === 'h') args.slice(2).forEach(report);
      if (name === 'setText' && args.length >= 2) report(args[args.length - 1]!);
      if (name === 'setText' && args.length === 1) report(args[0]!); // Phaser's text.setText(...)
      if (name === 'setAttr' || name === 'setAttribute') {
        const attr = args[name === 'setAttr' ? 1 : 0];
        if (attr && ts.isStringLiteral(attr) && TEXT_ATTRS.has(attr.text))
          report(args[name === 'setAttr' ? 2 : 1]!);
      }
      if (name === 'text' && args.length >= 3) report(args[2]!); // scene.add.text(x, y, text)
      if (name === 'append' || name === 'prepend' || name === 'createTextNode') args.forEach(report);
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ASSIGNED.has(node.left.name.text)
    )
      report(node.right);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every finding in the interface's code (src/ui and scenes), paths relative to `root`. */
export function findUiStrings(root: string): Finding[] {
  const files = [...walk(join(root, 'src/ui'), []), ...walk(join(root, 'scenes'), [])];
  return files.flatMap((file) => findInSource(relative(root, file), readFileSync(file, 'utf8')));
}
