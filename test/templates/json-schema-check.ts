/**
 * A small JSON Schema (draft 2020-12) checker for the keywords the published report schema uses,
 * so tests can validate documents against the JSON file itself, not only through zod. A keyword
 * it does not know fails loudly rather than being skipped.
 */

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', 'default', 'examples']);
const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'minLength',
  '$ref',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeOf(value) === 'object';
    default:
      return typeOf(value) === type;
  }
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
}

/** Every violation as `path: message`; empty when `value` conforms. */
export function checkJsonSchema(schema: Schema, value: unknown, root: Schema = schema, path = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key) && !ANNOTATIONS.has(key))
      throw new Error(`schema keyword ${key} at ${path} is not supported`);
  }
  if (typeof schema.$ref === 'string') return checkJsonSchema(resolve(root, schema.$ref), value, root, path);
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) {
      fail(`expected ${types.join(' | ')}, got ${typeOf(value)}`);
      return errors;
    }
  }
  if ('const' in schema && value !== schema.const) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    fail(`not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Schema[]).some(
      (option) => checkJsonSchema(option, value, root, path).length === 0,
    );
    if (!ok) fail('matches none of anyOf');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      fail(`${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      fail(`${value} > maximum ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      fail(`${value} ≤ exclusiveMinimum ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      fail(`${value} ≥ exclusiveMaximum ${schema.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      fail(`does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      fail(`shorter than ${schema.minLength}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => {
      errors.push(...checkJsonSchema(schema.items as Schema, item, root, `${path}[${i}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      if (properties[key]) errors.push(...checkJsonSchema(properties[key], child, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unexpected property ${key}`);
      else if (typeOf(schema.additionalProperties) === 'object')
        errors.push(...checkJsonSchema(schema.additionalProperties as Schema, child, root, `${path}.${key}`));
    }
  }
  return errors;
}
