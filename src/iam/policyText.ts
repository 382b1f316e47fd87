// A policy document as text that must be kept: where each part of it is (offsets into the text), what
// would not survive being read (duplicate keys, numbers a double cannot hold), the layout it is
// written in, and edits that insert or drop statements without touching the text of any other.
// jsonc-parser (Microsoft's, the parser behind VS Code's JSON support; MIT, no dependencies, no install
// scripts) gives the offsets; with comments and trailing commas disallowed it reports anything that
// is not strict JSON.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Why a policy's text cannot be kept exactly, or used at all. */
export type PolicyTextProblem =
  | { readonly kind: 'notJson'; readonly offset: number; readonly error: string }
  | { readonly kind: 'notObject' }
  | { readonly kind: 'duplicateKey'; readonly key: string; readonly path: string }
  | { readonly kind: 'unsafeNumber'; readonly number: string; readonly path: string }
  | { readonly kind: 'statementNotObject'; readonly path: string };

export interface PolicyText {
  readonly text: string;
  readonly root: Node;
  /** The Statement property's value: an array, one object, or undefined when there is none. */
  readonly statementNode?: Node;
  /** Each statement's node, in order (one for a single-object Statement). */
  readonly statements: readonly Node[];
}

const pathOf = (path: readonly (string | number)[]): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';

/** Decimal digits and exponent of a number literal, without leading or trailing zeros: "120.50" → 1205e-1; undefined for no number literal. */
function decimal(literal: string): { digits: string; exponent: number; negative: boolean } | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return undefined;
  const all = match[2] + (match[3] ?? '');
  let exponent = Number(match[4] ?? 0) - (match[3]?.length ?? 0);
  let digits = all.replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return { digits: digits || '0', exponent: digits ? exponent : 0, negative: match[1] === '-' && digits !== '' };
}

/**
 * Whether a number literal reads back as exactly the same number: the shortest decimal form of the
 * double it becomes has the same digits. 9007199254740993 and 0.10000000000000000001 do not.
 */
export function isExactNumber(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return false;
  const written = decimal(literal);
  const [mantissa, exp] = value.toExponential().split('e');
  const read = decimal(`${mantissa.replace('-', '')}e${exp}`);
  return written !== undefined && read !== undefined && written.digits === read.digits && written.exponent === read.exponent && written.negative === value < 0;
}

/** Every problem that keeps `node`'s text from being read exactly: duplicate keys, inexact numbers. */
function exactnessProblem(node: Node, text: string, path: (string | number)[]): PolicyTextProblem | undefined {
  if (node.type === 'number') {
    const literal = text.slice(node.offset, node.offset + node.length);
    return isExactNumber(literal) ? undefined : { kind: 'unsafeNumber', number: literal, path: pathOf(path) };
  }
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = keyNode?.value as string;
      if (seen.has(key)) return { kind: 'duplicateKey', key, path: pathOf(path) };
      seen.add(key);
      const problem = valueNode && exactnessProblem(valueNode, text, [...path, key]);
      if (problem) return problem;
    }
  }
  if (node.type === 'array') {
    for (const [i, child] of (node.children ?? []).entries()) {
      const problem = exactnessProblem(child, text, [...path, i]);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The value of property `key` of an object node. */
export function propertyNode(object: Node, key: string): Node | undefined {
  return object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

/** Reads a policy's text, or says why it cannot be kept exactly. */
export function readPolicyText(text: string): { policy: PolicyText } | { problem: PolicyTextProblem } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) return { problem: { kind: 'notJson', offset: errors[0]?.offset ?? 0, error: errors.length ? printParseErrorCode(errors[0].error) : 'empty' } };
  if (root.type !== 'object') return { problem: { kind: 'notObject' } };
  const problem = exactnessProblem(root, text, []);
  if (problem) return { problem };
  const statementNode = propertyNode(root, 'Statement');
  const inArray = statementNode?.type === 'array';
  const statements = !statementNode ? [] : inArray ? (statementNode.children ?? []) : [statementNode];
  const notObject = statements.findIndex((s) => s.type !== 'object');
  if (notObject >= 0) return { problem: { kind: 'statementNotObject', path: inArray ? `Statement[${notObject}]` : 'Statement' } };
  return { policy: { text, root, ...(statementNode ? { statementNode } : {}), statements } };
}

/** A statement node's value (after readPolicyText, every value reads exactly). */
export function valueOf(node: Node): Record<string, unknown> {
  return getNodeValue(node) as Record<string, unknown>;
}

/** How a document is laid out: line ends, the indent step (none: on one line), and the separators. */
export interface JsonStyle {
  readonly eol: string;
  /** One level of indentation; undefined when the document is written on one line. */
  readonly indent?: string;
  readonly colon: ':' | ': ';
  readonly comma: ',' | ', ';
}

/** The whitespace at the start of the line that holds `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** The layout of `sample` (an object node) within `text`; `fallback` for what it does not show. */
export function styleOf(text: string, sample: Node): JsonStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const own = text.slice(sample.offset, sample.offset + sample.length);
  const first = sample.children?.[0];
  const colonAt = first?.colonOffset;
  const colon = colonAt !== undefined && text[colonAt + 1] === ' ' ? ': ' : ':';
  if (!own.includes('\n') || !first) {
    const second = sample.children?.[1];
    const between = first && second ? text.slice(first.offset + first.length, second.offset) : ',';
    return { eol, colon, comma: between.startsWith(', ') ? ', ' : ',' };
  }
  const outer = lineIndent(text, sample.offset + sample.length - 1);
  const inner = lineIndent(text, first.offset);
  const indent = inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '  ';
  return { eol, indent, colon, comma: ',' };
}

/** `value` as JSON in `style`, its nested lines indented from `base`. */
export function writeJson(value: unknown, style: JsonStyle, base = ''): string {
  const inner = style.indent === undefined ? undefined : base + style.indent;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const items = value.map((v) => writeJson(v, style, inner ?? base));
    return inner === undefined ? `[${items.join(style.comma)}]` : `[${style.eol}${inner}${items.join(`,${style.eol}${inner}`)}${style.eol}${base}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}${style.colon}${writeJson(v, style, inner ?? base)}`);
    if (!entries.length) return '{}';
    return inner === undefined ? `{${entries.join(style.comma)}}` : `{${style.eol}${inner}${entries.join(`,${style.eol}${inner}`)}${style.eol}${base}}`;
  }
  return JSON.stringify(value);
}

const end = (node: Node) => node.offset + node.length;
const splice = (text: string, from: number, to: number, insert: string) => text.slice(0, from) + insert + text.slice(to);

/**
 * The policy with `statement` added after the last one, in the layout of the statements around it;
 * every other character of the text stays where it was. A single-object Statement becomes an array
 * holding it, as written, and the new one.
 */
export function withStatementText(policy: PolicyText, statement: object): string {
  const { text, root, statementNode: node, statements } = policy;
  const sample = statements.at(-1) ?? root;
  const style = styleOf(text, sample);
  if (!node) {
    // No Statement at all: a new last property of the document.
    const last = root.children?.at(-1);
    const base = lineIndent(text, end(root) - 1);
    const indent = style.indent === undefined ? undefined : base + style.indent;
    const property = `"Statement"${style.colon}${writeJson([statement], style, indent ?? '')}`;
    if (!last) return splice(text, root.offset + 1, end(root) - 1, indent === undefined ? property : `${style.eol}${indent}${property}${style.eol}${base}`);
    return splice(text, end(last), end(last), indent === undefined ? `${style.comma}${property}` : `,${style.eol}${indent}${property}`);
  }
  if (node.type === 'object') {
    const base = lineIndent(text, end(node) - 1);
    const written = writeJson(statement, style, base);
    const separator = style.indent === undefined ? style.comma : `,${style.eol}${base}`;
    return splice(text, node.offset, end(node), `[${text.slice(node.offset, end(node))}${separator}${written}]`);
  }
  const items = node.children ?? [];
  const last = items.at(-1);
  if (!last) {
    const rootStyle = styleOf(text, root);
    if (rootStyle.indent === undefined) return splice(text, node.offset + 1, end(node) - 1, writeJson(statement, rootStyle));
    const base = lineIndent(text, node.offset);
    const inner = base + rootStyle.indent;
    return splice(text, node.offset + 1, end(node) - 1, `${rootStyle.eol}${inner}${writeJson(statement, rootStyle, inner)}${rootStyle.eol}${base}`);
  }
  // The text between the last two statements (",\n    ", ", ", ","), or after "[" before the only one.
  const opening = text.slice(node.offset + 1, last.offset);
  const previous = items.at(-2);
  const before = previous ? text.slice(end(previous), last.offset) : opening.includes('\n') ? `,${opening}` : style.comma;
  const separator = before.trimStart().startsWith(',') ? before.trimStart() : `,${before}`;
  return splice(text, end(last), end(last), `${separator}${writeJson(statement, style, lineIndent(text, end(last) - 1))}`);
}

/**
 * The policy without the statements at `drop` (indexes into `policy.statements`), every kept one and
 * everything around them as written; undefined when no statement is left.
 */
export function withoutStatementsText(policy: PolicyText, drop: ReadonlySet<number>): string | undefined {
  const { text, statementNode: node, statements } = policy;
  const kept = statements.map((s, i) => ({ s, i })).filter(({ i }) => !drop.has(i));
  if (!kept.length) return undefined;
  if (!node || node.type !== 'array' || kept.length === statements.length) return text;
  // The separator that followed each statement; the last one borrows the one before it.
  const after = (i: number) => (i < statements.length - 1 ? text.slice(end(statements[i]), statements[i + 1].offset) : text.slice(end(statements[i - 1]), statements[i].offset));
  const first = statements[0];
  const lastOriginal = statements[statements.length - 1];
  const leading = text.slice(node.offset, first.offset);
  const trailing = text.slice(end(lastOriginal), end(node));
  const body = kept.map(({ s, i }, k) => text.slice(s.offset, end(s)) + (k < kept.length - 1 ? after(i) : '')).join('');
  return splice(text, node.offset, end(node), leading + body + trailing);
}

/** The size S3 counts for a policy: its UTF-8 bytes. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
