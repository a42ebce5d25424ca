import { badRequest, type ScimType } from "../errors";
import type { AttrPath, CompareOp, Filter, FilterValue, PatchPath } from "./filter-ast";

const maxLength = 10_000;
const maxDepth = 50;

const compareOps: ReadonlySet<string> = new Set<CompareOp>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);

const expectOperand = 'an attribute name, "not" or "("';
const expectOperator = "an operator such as eq, co or pr";
const expectValue = "a value: a string in double quotes, a number, true, false or null";

type Token =
  | { kind: "(" | ")" | "[" | "]" | "word" | "invalid" | "end"; text: string; start: number; end: number }
  | { kind: "string"; text: string; value: string; start: number; end: number }
  | { kind: "number"; text: string; value: number; start: number; end: number };

/** Characters of attribute paths (URNs included), keywords and numbers; `+` only for exponents. */
const bareChar = /[A-Za-z0-9_\-.:$+]/;
const numberPattern = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const namePattern = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/i;
const schemaPattern = /^[A-Za-z][A-Za-z0-9_.:-]*$/;
const escapes: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Parses a SCIM filter (RFC 7644 §3.4.2.2, plus Entra's `emails[type eq "work"].value eq "x"`). */
export function parseFilter(text: string): Filter {
  const parser: Parser = new Parser(text, "filter", "invalidFilter");
  parser.checkSize();
  const filter = parser.orExpression(undefined);
  const rest = parser.peek();
  if (rest.kind === ")") parser.fail(`Unexpected ")" at position ${rest.start + 1} of the filter: there is no "(" to close.`);
  if (rest.kind !== "end") parser.unexpected(rest, '"and", "or" or the end of the filter');
  return filter;
}

/** Parses a PATCH operation's path: `attrPath`, `attrPath[valFilter]` or `attrPath[valFilter].subAttr`. */
export function parsePatchPath(text: string): PatchPath {
  const parser: Parser = new Parser(text, "path", "invalidPath");
  parser.checkSize();
  const first = parser.next();
  if (first.kind !== "word") parser.unexpected(first, "an attribute name");
  const path = parser.attrPath(first);
  if (parser.peek().kind !== "[") {
    parser.expectEnd('"[" or the end of the path');
    return path;
  }
  const { filter, subAttr } = parser.valueFilter(first, path);
  parser.expectEnd(subAttr === undefined ? '"." and a sub-attribute, or the end of the path' : "the end of the path");
  return { ...path, valueFilter: filter, ...(subAttr === undefined ? {} : { subAttr }) };
}

class Parser {
  private position = 0;
  private peeked: Token | undefined;
  private last: Token | undefined;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly noun: "filter" | "path",
    private readonly scimType: ScimType,
  ) {}

  fail(detail: string): never {
    throw badRequest(this.scimType, detail);
  }

  checkSize() {
    if (this.text.length > maxLength) this.fail(`The ${this.noun} is ${this.text.length} characters long; at most ${maxLength} are allowed.`);
    if (this.text.trim() === "") this.fail(`The ${this.noun} is empty.`);
  }

  unexpected(token: Token, expected: string): never {
    if (token.kind === "end") {
      this.fail(this.last ? `The ${this.noun} ends after ${describe(this.last)}; expected ${expected}.` : `The ${this.noun} is empty.`);
    }
    this.fail(`Unexpected ${describe(token)} at position ${token.start + 1} of the ${this.noun}; expected ${expected}.`);
  }

  expectEnd(expected: string) {
    const token = this.peek();
    if (token.kind !== "end") this.unexpected(token, expected);
  }

  peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    this.last = token;
    return token;
  }

  /** `or` binds loosest, then `and`, then `not`. */
  orExpression(valueOf: string | undefined): Filter {
    let left = this.andExpression(valueOf);
    while (this.isKeyword(this.peek(), "or")) {
      this.next();
      left = { type: "or", left, right: this.andExpression(valueOf) };
    }
    return left;
  }

  private andExpression(valueOf: string | undefined): Filter {
    let left = this.unaryExpression(valueOf);
    while (this.isKeyword(this.peek(), "and")) {
      this.next();
      left = { type: "and", left, right: this.unaryExpression(valueOf) };
    }
    return left;
  }

  /** `valueOf` names the attribute whose `[…]` we are inside, if any. */
  private unaryExpression(valueOf: string | undefined): Filter {
    const token = this.peek();
    if (token.kind === "(") {
      this.next();
      this.enter(token);
      const filter = this.orExpression(valueOf);
      const close = this.peek();
      if (close.kind === "end") this.fail(`Missing ")" to close the "(" at position ${token.start + 1} of the ${this.noun}.`);
      if (close.kind !== ")") this.unexpected(close, '"and", "or" or ")"');
      this.next();
      this.depth--;
      return filter;
    }
    if (this.isKeyword(token, "not")) {
      this.next();
      this.enter(token);
      const filter = this.unaryExpression(valueOf);
      this.depth--;
      return { type: "not", filter };
    }
    if (token.kind !== "word") this.unexpected(token, expectOperand);
    this.next();
    const path = this.attrPath(token);
    const open = this.peek();
    if (open.kind !== "[") return this.condition(path);
    if (valueOf !== undefined) {
      this.fail(`Unexpected "[" at position ${open.start + 1} of the ${this.noun}: value filters cannot be nested inside the value filter of "${valueOf}".`);
    }
    const { filter, subAttr } = this.valueFilter(token, path);
    if (subAttr === undefined) return { type: "valuePath", path, filter };
    return { type: "valuePath", path, filter: { type: "and", left: filter, right: this.condition({ name: subAttr }) } };
  }

  /** `pr`, or a comparison operator and its value, after an attribute path. */
  private condition(path: AttrPath): Filter {
    const token = this.peek();
    const op = token.kind === "word" ? token.text.toLowerCase() : "";
    if (op === "pr") {
      this.next();
      return { type: "present", path };
    }
    if (!isCompareOp(op)) this.unexpected(token, expectOperator);
    this.next();
    return { type: "compare", path, op, value: this.value() };
  }

  private value(): FilterValue {
    const token = this.peek();
    let value: FilterValue | undefined;
    if (token.kind === "string" || token.kind === "number") value = token.value;
    else if (token.kind === "word") value = literals.get(token.text.toLowerCase());
    if (value === undefined) this.unexpected(token, expectValue);
    this.next();
    return value;
  }

  /** `[valFilter]` after `attribute`, and the `.subAttr` that may follow right after the `]`. */
  valueFilter(attribute: Token, path: AttrPath): { filter: Filter; subAttr?: string } {
    const open = this.next();
    if (path.subAttr !== undefined) {
      this.fail(
        `Unexpected "[" at position ${open.start + 1} of the ${this.noun}: a value filter applies to an attribute such as "${path.name}", not to a sub-attribute ("${attribute.text}").`,
      );
    }
    this.enter(open);
    const filter = this.orExpression(attribute.text);
    const close = this.peek();
    if (close.kind === "end") this.fail(`Missing "]" after the value filter of "${attribute.text}".`);
    if (close.kind !== "]") this.unexpected(close, '"and", "or" or "]"');
    this.next();
    this.depth--;
    const after = this.peek();
    if (after.kind !== "word" || after.start !== close.end || !after.text.startsWith(".")) return { filter };
    this.next();
    const subAttr = after.text.slice(1);
    if (!namePattern.test(subAttr)) {
      this.fail(`"${clip(subAttr)}" at position ${after.start + 2} of the ${this.noun} is not a valid sub-attribute name.`);
    }
    return { filter, subAttr };
  }

  /** `[urn:…:]name[.subAttr]`; the URN may itself contain dots (`…:2.0:User`), so it ends at the last colon. */
  attrPath(token: Token): AttrPath {
    const colon = token.text.lastIndexOf(":");
    const schema = colon >= 0 ? token.text.slice(0, colon) : undefined;
    const [name = "", subAttr, ...extra] = token.text.slice(colon + 1).split(".");
    const valid =
      namePattern.test(name) &&
      (subAttr === undefined || namePattern.test(subAttr)) &&
      extra.length === 0 &&
      (schema === undefined || schemaPattern.test(schema));
    if (!valid) this.fail(`"${clip(token.text)}" at position ${token.start + 1} of the ${this.noun} is not a valid attribute name.`);
    return { ...(schema === undefined ? {} : { schema }), name, ...(subAttr === undefined ? {} : { subAttr }) };
  }

  private enter(token: Token) {
    this.depth++;
    if (this.depth > maxDepth) {
      this.fail(`The ${this.noun} nests more than ${maxDepth} levels deep (at position ${token.start + 1}).`);
    }
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === "word" && token.text.toLowerCase() === keyword;
  }

  private lex(): Token {
    const text = this.text;
    let start = this.position;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) return this.token("end", start, start);
    const char = text[start]!;
    if (char === "(" || char === ")" || char === "[" || char === "]") return this.token(char, start, start + 1);
    if (char === '"') return this.string(start);
    if (bareChar.test(char)) {
      let end = start + 1;
      while (end < text.length && bareChar.test(text[end]!)) end++;
      const word = text.slice(start, end);
      if (numberPattern.test(word)) {
        const value = Number(word);
        if (!Number.isFinite(value)) this.fail(`The number ${clip(word)} at position ${start + 1} of the ${this.noun} is out of range.`);
        this.position = end;
        return { kind: "number", text: word, value, start, end };
      }
      return this.token("word", start, end);
    }
    return this.token("invalid", start, start + String.fromCodePoint(text.codePointAt(start)!).length);
  }

  private token(kind: "(" | ")" | "[" | "]" | "word" | "invalid" | "end", start: number, end: number): Token {
    this.position = end;
    return { kind, text: this.text.slice(start, end), start, end };
  }

  /** A JSON string literal starting at the `"` at `start`. */
  private string(start: number): Token {
    const text = this.text;
    let value = "";
    let index = start + 1;
    for (;;) {
      const stop = text.slice(index).search(/["\\]/);
      if (stop < 0) this.fail(`The ${this.noun} ends inside a string (opened at position ${start + 1}).`);
      value += text.slice(index, index + stop);
      index += stop;
      if (text[index] === '"') break;
      const escape = text[index + 1];
      if (escape === undefined) this.fail(`The ${this.noun} ends inside a string (opened at position ${start + 1}).`);
      if (escape === "u") {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.fail(`Invalid escape "\\u${clip(hex)}" at position ${index + 1} of the ${this.noun}; \\u takes four hex digits.`);
        }
        const code = parseInt(hex, 16);
        if (code === 0) this.fail(`The ${this.noun} contains the NUL character (\\u0000) at position ${index + 1}, which no stored value can hold.`);
        value += String.fromCharCode(code);
        index += 6;
      } else {
        const replacement = escapes[escape];
        if (replacement === undefined) this.fail(`Invalid escape "\\${escape}" at position ${index + 1} of the ${this.noun}.`);
        value += replacement;
        index += 2;
      }
    }
    this.position = index + 1;
    return { kind: "string", text: text.slice(start, index + 1), value, start, end: index + 1 };
  }
}

const literals = new Map<string, FilterValue>([
  ["true", true],
  ["false", false],
  ["null", null],
]);

function isCompareOp(op: string): op is CompareOp {
  return compareOps.has(op);
}

function describe(token: Token): string {
  if (token.kind === "string") return `string ${clip(token.text)}`;
  if (token.kind === "number") return `number ${clip(token.text)}`;
  return `"${clip(token.text)}"`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
