/**
 * JSON parsing for input documents.
 *
 * Standard JSON first (fast path). Exporters written in Python emit the non-standard tokens
 * `NaN`, `Infinity` and `-Infinity` for bad numbers; rejecting the whole file for one bad
 * number would lose every good record in it, so a second, tolerant parser accepts those
 * tokens as numbers and the record-level validation rejects the records that hold them
 * (MODEL.md §1.4). Anything else that is not JSON fails with the position of the problem.
 */
import { MalformedJsonError } from './errors.js';

export function parseJsonDocument(text: string, documentName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) {
      throw new MalformedJsonError(documentName, error instanceof Error ? error.message : String(error));
    }
    return new TolerantJsonParser(text, documentName).parseDocument();
  }
}

class TolerantJsonParser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly documentName: string,
  ) {}

  parseDocument(): unknown {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos !== this.text.length) this.fail('unexpected content after the document');
    return value;
  }

  private fail(reason: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    throw new MalformedJsonError(this.documentName, `${reason} at line ${line} column ${column}`);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  private parseValue(): unknown {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    for (const [token, value] of LITERALS) {
      if (this.text.startsWith(token, this.pos)) {
        this.pos += token.length;
        return value;
      }
    }
    return this.parseNumber();
  }

  private parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('expected a property name');
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      Object.defineProperty(result, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === '}') return result;
      if (next !== ',') this.fail("expected ',' or '}'");
    }
  }

  private parseArray(): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === ']') return result;
      if (next !== ',') this.fail("expected ',' or ']'");
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      } else this.pos++;
    }
    return this.fail('unterminated string');
  }

  private parseNumber(): number {
    const match = NUMBER.exec(this.text.slice(this.pos, this.pos + 64));
    if (!match) this.fail('unexpected token');
    this.pos += match[0].length;
    return Number(match[0]);
  }
}

const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
];
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
