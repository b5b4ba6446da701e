// test_hours_js.mjs — the live calculation of the assistance assessment (src/web/static/hours.js)
// against core: the worked examples of tests/data/hours/ (R-061, R-063/R-143, R-064, R-110,
// R-141) and random assessments computed by the binary under test (`insats calc hours`, which
// is core's hours_compute), which the script must match exactly. Run by test_hours_js.sh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const H = require(path.join(root, 'src', 'web', 'static', 'hours.js'));
const data = path.join(root, 'tests', 'data', 'hours');
const bin = process.env.INSATS_BIN || path.join(root, 'insats');

const hours = (ticks) => ticks / H.TICKS_PER_HOUR;
const close = (a, b) => Math.abs(a - b) < 1e-6;

test('R-141: a child of 8 in 2025 with 30 h basic and 10 h other needs gets 33 h, FK notice (R-110)', () => {
  const r = H.compute({
    assessment_date: '2025-03-01', birth_date: '2016-06-01',
    needs: [
      { need: 'personal_hygiene', minutes: 60, per_week: 14 },
      { need: 'meals', minutes: 60, per_week: 16 },
      { need: 'other_need', description: 'tillsyn', minutes: 600, per_week: 1 },
    ],
  });
  assert.ok(r.ok);
  assert.equal(H.formatHours(r.basic), '26,5');
  assert.equal(H.formatHours(r.other), '6,5');
  assert.equal(H.formatHours(r.total), '33');
  assert.equal(r.fkNotice, true);
  assert.equal(r.ageBand, '7–11 år');
});

test('R-143: 8 h of waiting with two active 15-minute interventions is 2,375 h a night', () => {
  const r = H.compute({
    assessment_date: '2025-03-01', birth_date: '1980-01-01', needs: [],
    rest: [{ need: 'mental_impairment_support', active_minutes: 30, waiting_minutes: 450, per_week: 1 }],
  });
  assert.equal(H.formatHours(r.basic), '2,375');
});

test('R-143: 8 h on call is 8/7 h, shown rounded as in core', () => {
  const r = H.compute({
    assessment_date: '2025-03-01', birth_date: '1980-01-01', needs: [],
    rest: [{ need: 'medical_condition_support', on_call_minutes: 480, per_week: 1 }],
  });
  assert.equal(r.basic * 7, 8 * H.TICKS_PER_HOUR); // exact: no floating point on the way
  assert.equal(H.formatHours(r.basic), '≈ 1,14');
});

test('R-110: exactly 20 h basic is no notice, one minute more is', () => {
  const base = { assessment_date: '2025-03-01', birth_date: '1980-01-01' };
  const at20 = H.compute({ ...base, needs: [{ need: 'meals', minutes: 60, per_week: 20 }] });
  assert.equal(at20.fkNotice, false);
  const over = H.compute({ ...base, needs: [{ need: 'meals', minutes: 60, per_week: 20 },
    { need: 'dressing', minutes: 1, per_week: 1 }] });
  assert.equal(over.fkNotice, true);
});

test('R-064: double assistance needs investigated aids and counts as an other need', () => {
  const doc = { assessment_date: '2025-03-01', birth_date: '1980-01-01',
    needs: [{ need: 'dressing', minutes: 30, per_week: 14, second_assistant_minutes: 15 }] };
  assert.equal(H.compute(doc).ok, false);
  const r = H.compute({ ...doc, aids_investigated: true });
  assert.equal(H.formatHours(r.basic), '7');
  assert.equal(H.formatHours(r.other), '3,5');
});

test('R-065: a deduction larger than the need is capped at zero', () => {
  const r = H.compute({ assessment_date: '2025-03-01', birth_date: '1980-01-01',
    needs: [{ need: 'mental_impairment_support', minutes: 60, per_week: 5 }],
    deductions: [{ activity: 'daglig_verksamhet', need: 'mental_impairment_support', minutes: 120, per_week: 5 }] });
  assert.equal(r.basic, 0);
});

test('R-061: periods must add up to 52 weeks', () => {
  const r = H.compute({ assessment_date: '2025-03-01', birth_date: '1980-01-01',
    periods: [{ period: 'school', weeks: 39 }, { period: 'holiday', weeks: 12 }], needs: [] });
  assert.equal(r.ok, false);
  assert.match(r.reason, /52/);
});

test('R-141: a child assessed before 2023 has no schablon', () => {
  const r = H.compute({ assessment_date: '2022-06-01', birth_date: '2015-01-01',
    needs: [{ need: 'meals', minutes: 30, per_week: 21 }] });
  assert.equal(r.ok, false);
  assert.match(r.reason, /R-141/);
});

test('period names become the codes the server makes', () => {
  assert.equal(H.periodCode('Skolveckor'), 'skolveckor');
  assert.equal(H.periodCode('Läsår höst'), 'lasar_host');
  assert.equal(H.periodCode('all'), null);
  assert.equal(H.periodCode('  '), null);
});

// every worked example with its hand-worked expected fields
for (const f of fs.readdirSync(data).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))) {
  test(`tests/data/hours/${f}: the script gives core's expected hours`, () => {
    const doc = JSON.parse(fs.readFileSync(path.join(data, f), 'utf8'));
    const exp = JSON.parse(fs.readFileSync(path.join(data, f.replace(/\.json$/, '.expected.json')), 'utf8'));
    const r = H.compute(doc);
    assert.ok(r.ok, r.reason);
    // each expected file states the fields its example is about
    if ('basic_hours_per_week' in exp)
      assert.ok(close(hours(r.basic), exp.basic_hours_per_week), `basic ${hours(r.basic)}`);
    if ('other_hours_per_week' in exp)
      assert.ok(close(hours(r.other), exp.other_hours_per_week), `other ${hours(r.other)}`);
    if ('total_hours_per_week' in exp)
      assert.ok(close(hours(r.total), exp.total_hours_per_week), `total ${hours(r.total)}`);
    if ('fk_notice_required' in exp) assert.equal(r.fkNotice, exp.fk_notice_required);
    if ('age' in exp) assert.equal(r.age, exp.age);
    if (exp.before_parent_deduction) {
      for (const [need, h] of Object.entries(exp.before_parent_deduction.by_need))
        assert.ok(close(hours(r.byNeed[need]), h), `${need}: ${hours(r.byNeed[need])} ≠ ${h}`);
    }
    if (exp.parent_deduction) {
      assert.equal(r.ageBand, exp.parent_deduction.age_band);
      assert.ok(close(hours(r.parentBasic), exp.parent_deduction.basic_hours_per_week));
      assert.ok(close(hours(r.parentOther), exp.parent_deduction.other_hours_per_week));
    } else if ('parent_deduction' in exp) {
      assert.equal(r.ageBand, null);
    }
  });
}

// A small deterministic generator (no Math.random: a failure must be reproducible).
function rng(seed) {
  let s = seed >>> 0;
  return (n) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}
const NEEDS = ['breathing', 'personal_hygiene', 'meals', 'dressing', 'communication',
  'mental_impairment_support', 'medical_condition_support', 'other_need'];
const ACTS = ['school', 'childcare', 'daglig_verksamhet', 'korttidsvistelse', 'korttidstillsyn',
  'boende_barn', 'bostad_vuxna'];

function randomDoc(r) {
  const year = 2023 + r(4);
  const doc = {
    assessment_date: `${year}-0${1 + r(9)}-1${r(9)}`,
    birth_date: `${year - r(30)}-0${1 + r(9)}-${10 + r(18)}`,
    aids_investigated: true,
    needs: [], rest: [], deductions: [],
  };
  const periods = r(3) ? [{ period: 'skola', weeks: 30 + r(15) }] : [];
  if (periods.length) periods.push({ period: 'lov', weeks: 52 - periods[0].weeks });
  if (periods.length) doc.periods = periods;
  const period = () => (periods.length && r(2) ? periods[r(2)].period : undefined);
  const need = () => NEEDS[r(NEEDS.length)];
  for (let i = 0, n = 1 + r(8); i < n; i++) {
    const row = { need: need(), minutes: 1 + r(120), per_week: r(21) };
    if (row.need === 'meals' && r(3) === 0) row.tube_feeding = true;
    if (row.need === 'other_need') row.description = 'tillsyn';
    if (r(5) === 0) row.second_assistant_minutes = r(row.minutes + 1);
    const p = period(); if (p) row.period = p;
    doc.needs.push(row);
  }
  for (let i = 0, n = r(3); i < n; i++) {
    const row = { need: need(), active_minutes: r(60), waiting_minutes: r(480), on_call_minutes: r(480), per_week: 1 + r(7) };
    if (row.active_minutes + row.waiting_minutes + row.on_call_minutes === 0) row.active_minutes = 5;
    if (row.need === 'other_need') row.description = 'tillsyn nattetid';
    const p = period(); if (p) row.period = p;
    doc.rest.push(row);
  }
  for (let i = 0, n = r(3); i < n; i++) {
    const row = { activity: ACTS[r(ACTS.length)], need: need(), minutes: 1 + r(400), per_week: r(6) };
    const p = period(); if (p) row.period = p;
    doc.deductions.push(row);
  }
  return doc;
}

test('200 random assessments: the script equals core (insats calc hours) exactly', { skip: !fs.existsSync(bin) && `no binary at ${bin}` }, () => {
  const r = rng(20261123);
  let compared = 0;
  for (let i = 0; i < 200; i++) {
    const doc = randomDoc(r);
    let out;
    try {
      out = JSON.parse(execFileSync(bin, ['calc', 'hours'], { input: JSON.stringify(doc), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
    } catch (e) {
      // core refused it (e.g. a child before the schablon): the script must not compute it either
      assert.equal(H.compute(doc).ok, false, `core refused, the script did not: ${JSON.stringify(doc)}\n${e.stderr}`);
      continue;
    }
    const js = H.compute(doc);
    assert.ok(js.ok, `${js.reason}: ${JSON.stringify(doc)}`);
    const ticks = (f) => (f.numerator * 1456) / f.denominator; // minutes → ticks of 1/1456 minute
    assert.equal(js.basic, ticks(out.basic_minutes_per_week), `basic: ${JSON.stringify(doc)}`);
    assert.equal(js.other, ticks(out.other_minutes_per_week), `other: ${JSON.stringify(doc)}`);
    assert.equal(js.fkNotice, out.fk_notice_required, `fk: ${JSON.stringify(doc)}`);
    assert.equal(js.age, out.age);
    compared++;
  }
  assert.ok(compared > 100, `only ${compared} compared`);
});
