/**
 * TypeScript port of test/fixtures/spec/compare.py — compares two result.json objects of the
 * margin-contagion model (MODEL.md v1.2, §8 and §9). Same rules, same tolerances, roughly the same
 * mismatch messages:
 *  - counts (units, marginCalled, liquidatable, rounds, liquidatedUnits): equal (and integral);
 *  - money (im, mm, badDebt, insuranceFundUsed, adl, cover1, cover2, totalLoss and every entry of
 *    liquidationFlowUsd): |a − b| ≤ 1e-6·max(|a|, |b|) + 1;
 *  - prices (every entry of finalPrices): |a − b| ≤ 1e-6·max(|a|, |b|);
 *  - reverseStress.down / .up: |a − b| ≤ 0.002, or both null;
 *  - halted: lists of asset names, equal as multisets;
 *  - asOf, scenario, regime strings equal; runs matched by (scenario, regime), order must agree;
 *  - map keys equal on both sides;
 *  - rejected: same number of records and same set of normalised paths (reasons not compared);
 *  - fields §8 does not define are ignored.
 * `options.ignore` skips a field wherever it occurs (top-level, margin or run field).
 */

const REL = 1e-6;
const MONEY_ABS = 1.0;
const RS_TOL = 0.002;
const COUNT_FIELDS = new Set(['units', 'marginCalled', 'liquidatable', 'rounds', 'liquidatedUnits']);
const MONEY_FIELDS = new Set([
  'im',
  'mm',
  'badDebt',
  'insuranceFundUsed',
  'adl',
  'cover1',
  'cover2',
  'totalLoss',
  'liquidationFlowUsd',
]);
const PRICE_FIELDS = new Set(['finalPrices']);
const MARGIN_FIELDS = ['units', 'im', 'mm', 'marginCalled', 'liquidatable'];
const RUN_FIELDS = [
  'rounds',
  'marginCalled',
  'liquidatedUnits',
  'liquidationFlowUsd',
  'finalPrices',
  'badDebt',
  'insuranceFundUsed',
  'adl',
  'cover1',
  'cover2',
  'totalLoss',
  'halted',
];
const LIST_FIELDS = new Set(['halted']);
const MAP_FIELDS = new Set(['liquidationFlowUsd', 'finalPrices']);
const TOP_FIELDS = ['asOf', 'margin', 'runs', 'reverseStress', 'rejected'];

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isNum(x: unknown): x is number {
  return typeof x === 'number';
}

/** Python-ish repr for messages. */
function repr(x: unknown): string {
  if (x === undefined) return 'None';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  return JSON.stringify(x) ?? String(x);
}

function g17(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(17) : String(x);
}

function g3(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);
}

/** Same as compare.py norm_path: ["X"] → .X, drop a leading $. / book. / market., scenarios.scenarios[ → scenarios[. */
export function normPath(p: unknown): string {
  let s = String(p).trim();
  s = s.replace(/\[\s*["']([^"']*)["']\s*\]/g, '.$1');
  for (const pre of ['$.', 'book.', 'market.']) {
    if (s.startsWith(pre)) s = s.slice(pre.length);
  }
  if (s.startsWith('scenarios.scenarios[')) s = s.slice('scenarios.'.length);
  return s;
}

function sortedUnion(a: Obj, b: Obj): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

class Cmp {
  readonly mismatches: string[] = [];
  constructor(private readonly ignore: Set<string>) {}

  bad(path: string, msg: string): void {
    this.mismatches.push(`${path}: ${msg}`);
  }

  count(path: string, e: unknown, a: unknown): void {
    if (!(isNum(e) && isNum(a))) this.bad(path, `expected count ${repr(e)}, actual ${repr(a)}`);
    else if (e !== a || e !== Math.floor(e)) this.bad(path, `count expected ${repr(e)}, actual ${repr(a)}`);
  }

  number(path: string, e: unknown, a: unknown, absolute: number): void {
    if (!(isNum(e) && isNum(a))) {
      this.bad(path, `expected number ${repr(e)}, actual ${repr(a)}`);
      return;
    }
    if (Number.isNaN(e) || Number.isNaN(a) || !Number.isFinite(e) || !Number.isFinite(a)) {
      if (!(e === a)) this.bad(path, `expected ${repr(e)}, actual ${repr(a)}`);
      return;
    }
    const diff = Math.abs(e - a);
    const big = Math.max(Math.abs(e), Math.abs(a));
    const tol = REL * big + absolute;
    if (diff > tol) {
      const rel = big > 0 ? diff / big : Number.POSITIVE_INFINITY;
      this.bad(
        path,
        `expected ${g17(e)}, actual ${g17(a)} (abs diff ${g3(diff)}, rel diff ${g3(rel)}, tol ${g3(tol)})`,
      );
    }
  }

  field(path: string, name: string, e: unknown, a: unknown): void {
    if (COUNT_FIELDS.has(name)) this.count(path, e, a);
    else if (MONEY_FIELDS.has(name)) this.number(path, e, a, MONEY_ABS);
    else if (PRICE_FIELDS.has(name)) this.number(path, e, a, 0);
    else this.bad(path, `no comparison rule for field ${name}`);
  }

  nameList(path: string, e: unknown, a: unknown): void {
    for (const [side, x] of [
      ['expected', e],
      ['actual', a],
    ] as const) {
      if (!Array.isArray(x) || !x.every((v) => typeof v === 'string')) {
        this.bad(path, `${side} is not a list of asset names: ${repr(x)}`);
        return;
      }
    }
    const es = [...(e as string[])].sort();
    const as = [...(a as string[])].sort();
    if (es.length !== as.length || es.some((v, i) => v !== as[i])) {
      const setE = new Set(es);
      const setA = new Set(as);
      const onlyE = [...setE].filter((v) => !setA.has(v)).sort();
      const onlyA = [...setA].filter((v) => !setE.has(v)).sort();
      const detail: string[] = [];
      if (onlyE.length) detail.push(`only in expected: ${onlyE.join(', ')}`);
      if (onlyA.length) detail.push(`only in actual: ${onlyA.join(', ')}`);
      if (!detail.length) detail.push('same names, different repeats');
      this.bad(path, `expected ${repr(e)}, actual ${repr(a)} (${detail.join('; ')})`);
    }
  }

  numberMap(path: string, name: string, e: unknown, a: unknown): void {
    if (!isObj(e) || !isObj(a)) {
      this.bad(path, `expected an object on both sides, got ${typeName(e)} / ${typeName(a)}`);
      return;
    }
    for (const k of sortedUnion(e, a)) {
      const p = `${path}.${k}`;
      if (Object.hasOwn(e, k) && Object.hasOwn(a, k)) this.field(p, name, e[k], a[k]);
      else if (Object.hasOwn(e, k)) this.bad(p, `missing in actual (other side ${repr(e[k])})`);
      else this.bad(p, `missing in expected (other side ${repr(a[k])})`);
    }
  }

  compare(exp: unknown, act: unknown): void {
    if (!isObj(exp) || !isObj(act)) {
      this.bad('(root)', 'both files must hold a JSON object');
      return;
    }
    for (const k of TOP_FIELDS) {
      if (this.ignore.has(k)) continue;
      if (!Object.hasOwn(exp, k)) this.bad(k, 'missing in expected');
      if (!Object.hasOwn(act, k)) this.bad(k, 'missing in actual');
    }
    if (!this.ignore.has('asOf') && Object.hasOwn(exp, 'asOf') && Object.hasOwn(act, 'asOf')) {
      if (exp.asOf !== act.asOf) this.bad('asOf', `expected ${repr(exp.asOf)}, actual ${repr(act.asOf)}`);
    }
    if (!this.ignore.has('margin')) {
      this.compareMargin(
        exp.margin,
        act.margin,
        Object.hasOwn(exp, 'margin') && Object.hasOwn(act, 'margin'),
      );
    }
    if (!this.ignore.has('runs')) this.compareRuns(exp.runs, act.runs);
    if (!this.ignore.has('reverseStress')) {
      this.compareRs(
        exp.reverseStress,
        act.reverseStress,
        Object.hasOwn(exp, 'reverseStress') && Object.hasOwn(act, 'reverseStress'),
      );
    }
    if (!this.ignore.has('rejected') && Object.hasOwn(exp, 'rejected') && Object.hasOwn(act, 'rejected')) {
      this.compareRejected(exp.rejected, act.rejected);
    }
  }

  compareMargin(em: unknown, am: unknown, both: boolean): void {
    if (isObj(em) && isObj(am)) {
      for (const g of sortedUnion(em, am)) {
        const p = `margin.${g}`;
        if (!Object.hasOwn(em, g) || !Object.hasOwn(am, g)) {
          this.bad(p, `regime missing in ${Object.hasOwn(em, g) ? 'actual' : 'expected'}`);
          continue;
        }
        const eg = em[g];
        const ag = am[g];
        if (!isObj(eg) || !isObj(ag)) {
          this.bad(p, 'not an object');
          continue;
        }
        for (const f of MARGIN_FIELDS) {
          if (this.ignore.has(f)) continue;
          if (!Object.hasOwn(eg, f) || !Object.hasOwn(ag, f)) {
            this.bad(`${p}.${f}`, `missing in ${Object.hasOwn(eg, f) ? 'actual' : 'expected'}`);
          } else {
            this.field(`${p}.${f}`, f, eg[f], ag[f]);
          }
        }
      }
    } else if (both) {
      this.bad('margin', 'not an object');
    }
  }

  indexRuns(side: string, runs: unknown): { byKey: Map<string, Obj>; order: string[] } | null {
    if (runs === undefined || runs === null) return null;
    if (!Array.isArray(runs)) {
      this.bad('runs', `${side}: not a list`);
      return null;
    }
    const byKey = new Map<string, Obj>();
    const order: string[] = [];
    runs.forEach((r: unknown, i: number) => {
      if (!isObj(r) || !Object.hasOwn(r, 'scenario') || !Object.hasOwn(r, 'regime')) {
        this.bad(`runs[${i}]`, `${side}: run without scenario/regime`);
        return;
      }
      const key = runKey(String(r.scenario), String(r.regime));
      if (byKey.has(key)) {
        this.bad(runLabel(key), `${side}: duplicate run`);
        return;
      }
      byKey.set(key, r);
      order.push(key);
    });
    return { byKey, order };
  }

  compareRuns(expRuns: unknown, actRuns: unknown): void {
    const ei = this.indexRuns('expected', expRuns);
    const ai = this.indexRuns('actual', actRuns);
    if (!ei || !ai) return;
    const keys = [...new Set([...ei.byKey.keys(), ...ai.byKey.keys()])].sort(compareKeys);
    for (const key of keys) {
      const p = runLabel(key);
      const e = ei.byKey.get(key);
      const a = ai.byKey.get(key);
      if (!e || !a) {
        this.bad(p, `run missing in ${e ? 'actual' : 'expected'}`);
        continue;
      }
      for (const f of RUN_FIELDS) {
        if (this.ignore.has(f)) continue;
        const pf = `${p}.${f}`;
        if (!Object.hasOwn(e, f) || !Object.hasOwn(a, f)) {
          this.bad(pf, `missing in ${Object.hasOwn(e, f) ? 'actual' : 'expected'}`);
        } else if (MAP_FIELDS.has(f)) {
          this.numberMap(pf, f, e[f], a[f]);
        } else if (LIST_FIELDS.has(f)) {
          this.nameList(pf, e[f], a[f]);
        } else {
          this.field(pf, f, e[f], a[f]);
        }
      }
    }
    const eo = ei.order.filter((k) => ai.byKey.has(k));
    const ao = ai.order.filter((k) => ei.byKey.has(k));
    const i = eo.findIndex((k, j) => k !== ao[j]);
    if (i >= 0) {
      const [es, er] = splitKey(eo[i] as string);
      const [as, ar] = splitKey(ao[i] as string);
      this.bad(
        'runs',
        "order differs (section 8: scenario-major, params' regime order); " +
          `first difference at position ${i}: expected ${es}/${er}, actual ${as}/${ar}`,
      );
    }
  }

  compareRs(ers: unknown, ars: unknown, both: boolean): void {
    if (isObj(ers) && isObj(ars)) {
      for (const side of ['down', 'up']) {
        const p = `reverseStress.${side}`;
        if (!Object.hasOwn(ers, side) || !Object.hasOwn(ars, side)) {
          this.bad(p, `missing in ${Object.hasOwn(ers, side) ? 'actual' : 'expected'}`);
          continue;
        }
        const e = ers[side];
        const a = ars[side];
        if (e === null || a === null) {
          if (!(e === null && a === null)) this.bad(p, `expected ${repr(e)}, actual ${repr(a)}`);
        } else if (!(isNum(e) && isNum(a))) {
          this.bad(p, `expected ${repr(e)}, actual ${repr(a)}`);
        } else if (Math.abs(e - a) > RS_TOL) {
          this.bad(
            p,
            `expected ${e.toPrecision(9)}, actual ${a.toPrecision(9)} (diff ${g3(Math.abs(e - a))} > ${RS_TOL})`,
          );
        }
      }
    } else if (both) {
      this.bad('reverseStress', 'not an object');
    }
  }

  compareRejected(e: unknown, a: unknown): void {
    if (!Array.isArray(e) || !Array.isArray(a)) {
      this.bad('rejected', 'must be a list on both sides');
      return;
    }
    if (e.length !== a.length) this.bad('rejected', `count expected ${e.length}, actual ${a.length}`);
    const paths = (lst: unknown[], side: string): string[] => {
      const out: string[] = [];
      lst.forEach((r, i) => {
        if (!isObj(r) || !Object.hasOwn(r, 'path')) {
          this.bad(`rejected[${i}]`, `${side}: record without path`);
          return;
        }
        out.push(normPath(r.path));
      });
      return out;
    };
    const pe = new Set(paths(e, 'expected'));
    const pa = new Set(paths(a, 'actual'));
    for (const p of [...pe].filter((x) => !pa.has(x)).sort())
      this.bad('rejected', `path ${p} only in expected`);
    for (const p of [...pa].filter((x) => !pe.has(x)).sort())
      this.bad('rejected', `path ${p} only in actual`);
  }
}

const SEP = '\u0000';

function runKey(scenario: string, regime: string): string {
  return `${scenario}${SEP}${regime}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf(SEP);
  return [key.slice(0, i), key.slice(i + 1)];
}

function runLabel(key: string): string {
  const [s, r] = splitKey(key);
  return `runs[scenario=${s},regime=${r}]`;
}

/** Python tuple order: by scenario, then regime. */
function compareKeys(x: string, y: string): number {
  const [xs, xr] = splitKey(x);
  const [ys, yr] = splitKey(y);
  if (xs !== ys) return xs < ys ? -1 : 1;
  if (xr !== yr) return xr < yr ? -1 : 1;
  return 0;
}

function typeName(x: unknown): string {
  if (x === null) return 'NoneType';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'object') return 'dict';
  return typeof x;
}

/** Compare two result.json objects; returns the list of mismatches (empty = agree within §9 tolerances). */
export function compareResults(
  expected: unknown,
  actual: unknown,
  options?: { ignore?: string[] },
): string[] {
  const c = new Cmp(new Set(options?.ignore ?? []));
  c.compare(expected, actual);
  return c.mismatches;
}
