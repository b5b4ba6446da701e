// hours.js — a preliminary total of the assistance assessment while the user types
// (/case/{id}/behov). It mirrors core/hours.c's arithmetic exactly (R-143: integers in 1/28
// minute within a period kind, 1/1456 minute for the yearly average; no floating point until
// display): minutes × occasions per week, rest time with waiting ¼ and on call 1/7
// the second assistant as an other need, deductions capped at zero, the
// föräldraavdrag by age (R-066, R-141, the table below mirrors core/lawdata.c) and the FK notice
// over 20 h basic needs. The server's result ("Beräkna", "Spara") is the one that counts;
// without JavaScript the page works the same. Loaded with `defer` (no inline script: CSP).
// Node imports the pure functions through the tiny UMD wrapper (tests/web/test_hours_js.mjs).
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.InsatsHours = api;
    if (typeof document !== "undefined") api.attach(document);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var PARTS_PER_MINUTE = 28; // a quarter is 7/28, a seventh 4/28
  var WEEKS_PER_YEAR = 52;
  var TICKS_PER_MINUTE = PARTS_PER_MINUTE * WEEKS_PER_YEAR; // 1456
  var TICKS_PER_HOUR = TICKS_PER_MINUTE * 60; // 87360
  var FK_LIMIT_HOURS = 20;

  var NEEDS = ["breathing", "personal_hygiene", "meals", "dressing", "communication",
    "mental_impairment_support", "medical_condition_support", "other_need"];
  var BASIC = { breathing: 1, personal_hygiene: 1, meals: 1, dressing: 1, communication: 1,
    mental_impairment_support: 1, medical_condition_support: 1 };
  var ACTIVITIES = ["school", "childcare", "daglig_verksamhet", "korttidsvistelse",
    "korttidstillsyn", "boende_barn", "bostad_vuxna"];
  var TUBE = "tube_feeding";
  var SECOND = "second_assistant";

  // minutes per day by age band, basic / other needs; the later table replaces the
  // earlier from its date (core/lawdata.c).
  var PARENT_TABLE = [
    { from: "2023-01-01", min: 0, max: 0, basic: 720, other: 0, band: "under 1 år" },
    { from: "2023-01-01", min: 1, max: 6, basic: 150, other: 30, band: "1–6 år" },
    { from: "2023-01-01", min: 7, max: 11, basic: 60, other: 60, band: "7–11 år" },
    { from: "2023-01-01", min: 12, max: 17, basic: 0, other: 60, band: "12–17 år" },
    { from: "2025-01-01", min: 0, max: 0, basic: 360, other: 0, band: "under 1 år" },
    { from: "2025-01-01", min: 1, max: 6, basic: 75, other: 15, band: "1–6 år" },
    { from: "2025-01-01", min: 7, max: 11, basic: 30, other: 30, band: "7–11 år" },
    { from: "2025-01-01", min: 12, max: 17, basic: 0, other: 30, band: "12–17 år" }
  ];

  function parseDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]) return null;
    return { y: y, m: mo, d: d };
  }
  function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function before(a, b) { return a.y !== b.y ? a.y < b.y : a.m !== b.m ? a.m < b.m : a.d < b.d; }
  // completed years, a 29 February birthday falling on 1 March in other years (core/date.c)
  function ageOn(birth, on) {
    var age = on.y - birth.y;
    var bd = birth.m === 2 && birth.d === 29 && !isLeap(on.y) ? { y: on.y, m: 3, d: 1 }
      : { y: on.y, m: birth.m, d: birth.d };
    if (before(on, bd)) age--;
    return age;
  }

  function parentDeduction(on, age) {
    var found = null;
    for (var i = 0; i < PARENT_TABLE.length; i++) {
      var r = PARENT_TABLE[i];
      if (before(on, parseDate(r.from)) || age < r.min || age > r.max) continue;
      found = r;
    }
    return found;
  }

  function isInt(v, min, max) {
    return typeof v === "number" && Math.floor(v) === v && v >= min && v <= max;
  }

  // Computes an assessment document (docs/cli/hours.md). Returns {ok: true, …ticks} or
  // {ok: false, reason} when the document cannot be computed yet (the server names the field).
  function compute(doc) {
    var on = parseDate(doc.assessment_date), birth = parseDate(doc.birth_date);
    if (!on) return { ok: false, reason: "Ange bedömningsdatum." };
    if (!birth) return { ok: false, reason: "Ange födelsedatum." };
    if (before(on, birth)) return { ok: false, reason: "Födelsedatum efter bedömningsdatum." };
    var periods = doc.periods && doc.periods.length ? doc.periods : null;
    var codes = [], weeks = [], sum = 0;
    if (periods) {
      for (var p = 0; p < periods.length; p++) {
        codes.push(periods[p].period);
        weeks.push(periods[p].weeks);
        sum += periods[p].weeks;
      }
      if (sum !== WEEKS_PER_YEAR)
        return { ok: false, reason: "Periodernas veckor blir " + sum + ", de ska bli 52 (R-061)." };
    } else {
      codes = ["all"];
      weeks = [WEEKS_PER_YEAR];
    }
    var nper = codes.length;
    var buckets = NEEDS.concat([TUBE, SECOND]);
    var u = [];
    for (var k = 0; k < nper; k++) {
      var row = {};
      for (var b = 0; b < buckets.length; b++) row[buckets[b]] = 0;
      u.push(row);
    }
    function periodIndex(code) {
      if (code === undefined || code === null || code === "all") return -1;
      var i = periods ? codes.indexOf(code) : -1;
      return i >= 0 ? i : null;
    }
    function bucket(need, tube) { return need === "meals" && tube ? TUBE : need; }
    function add(k, bk, parts) {
      for (var j = 0; j < nper; j++) if (k < 0 || k === j) u[j][bk] += parts;
    }
    var second = false, i, r, k2;
    var needs = doc.needs || [];
    for (i = 0; i < needs.length; i++) {
      r = needs[i];
      k2 = periodIndex(r.period);
      if (NEEDS.indexOf(r.need) < 0 || k2 === null || !isInt(r.minutes, 1, 1440) ||
          !isInt(r.per_week, 0, 10080) || r.minutes * r.per_week > 10080)
        return { ok: false, reason: "Rad " + (i + 1) + " bland hjälpbehoven är inte ifylld rätt." };
      add(k2, bucket(r.need, r.tube_feeding), r.minutes * r.per_week * PARTS_PER_MINUTE);
      var sm = r.second_assistant_minutes || 0;
      if (sm > 0) { // R-064: only the actual time, as an other need
        if (!isInt(sm, 0, r.minutes))
          return { ok: false, reason: "Dubbel assistans på rad " + (i + 1) + " är för lång." };
        add(k2, SECOND, sm * r.per_week * PARTS_PER_MINUTE);
        second = true;
      }
    }
    if (second && !doc.aids_investigated)
      return { ok: false, reason: "Dubbel assistans kräver att bostadsanpassning och hjälpmedel är utredda (R-064)." };
    var rest = doc.rest || [];
    for (i = 0; i < rest.length; i++) { // active × 28, waiting × 7, on call × 4
      r = rest[i];
      k2 = periodIndex(r.period);
      var a = r.active_minutes || 0, w = r.waiting_minutes || 0, c = r.on_call_minutes || 0;
      if (NEEDS.indexOf(r.need) < 0 || k2 === null || !isInt(a, 0, 1440) || !isInt(w, 0, 1440) ||
          !isInt(c, 0, 1440) || a + w + c < 1 || a + w + c > 1440 || !isInt(r.per_week, 0, 10080) ||
          (a + w + c) * r.per_week > 10080)
        return { ok: false, reason: "Rad " + (i + 1) + " under dygnsvila är inte ifylld rätt." };
      add(k2, bucket(r.need, r.tube_feeding), (a * 28 + w * 7 + c * 4) * r.per_week);
    }
    var deductions = doc.deductions || [];
    for (i = 0; i < deductions.length; i++) { // never below zero
      r = deductions[i];
      k2 = periodIndex(r.period);
      if (ACTIVITIES.indexOf(r.activity) < 0 || NEEDS.indexOf(r.need) < 0 || k2 === null ||
          !isInt(r.minutes, 1, 1440) || !isInt(r.per_week, 0, 10080) || r.minutes * r.per_week > 10080)
        return { ok: false, reason: "Rad " + (i + 1) + " bland avdragen är inte ifylld rätt." };
      var want = r.minutes * r.per_week * PARTS_PER_MINUTE, bk = bucket(r.need, r.tube_feeding);
      for (var j = 0; j < nper; j++) {
        if (k2 >= 0 && k2 !== j) continue;
        u[j][bk] -= Math.min(want, u[j][bk]);
      }
    }
    // the yearly weekly average: Σ weeks × parts, already in ticks
    var avg = {};
    for (var q = 0; q < buckets.length; q++) {
      avg[buckets[q]] = 0;
      for (var kk = 0; kk < nper; kk++) avg[buckets[q]] += weeks[kk] * u[kk][buckets[q]];
    }
    var basic = 0, other = 0;
    for (q = 0; q < buckets.length; q++) {
      if (BASIC[buckets[q]] || buckets[q] === TUBE) basic += avg[buckets[q]];
      else other += avg[buckets[q]];
    }
    var age = ageOn(birth, on), pb = 0, po = 0, band = null;
    if (age < 18) {
      var pd = parentDeduction(on, age);
      if (!pd)
        return { ok: false, reason: "Före 2023-01-01 bedöms föräldraansvaret individuellt (R-141)." };
      band = pd.band;
      var wantB = pd.basic * 7 * TICKS_PER_MINUTE, wantO = pd.other * 7 * TICKS_PER_MINUTE;
      var pool = basic - avg.breathing - avg[TUBE]; // no deduction against breathing, tube feeding
      pb = Math.min(wantB, pool);
      po = Math.min(wantO, other);
    }
    var byNeed = {};
    for (q = 0; q < NEEDS.length; q++) byNeed[NEEDS[q]] = avg[NEEDS[q]];
    byNeed.meals += avg[TUBE];
    byNeed.tube_feeding = avg[TUBE];
    byNeed.second_assistant = avg[SECOND];
    return {
      ok: true,
      age: age,
      ageBand: band,
      basicBeforeParent: basic,
      otherBeforeParent: other,
      byNeed: byNeed,
      parentBasic: pb,
      parentOther: po,
      basic: basic - pb,
      other: other - po,
      total: basic - pb + other - po,
      fkNotice: basic - pb > FK_LIMIT_HOURS * TICKS_PER_HOUR // R-110: strictly over 20 h
    };
  }

  // Ticks → Swedish hours as core shows them: exact with up to three decimals ("2,375"), else
  // rounded half up to two with "≈" (hours_format_decimal). Integer arithmetic only.
  function formatHours(ticks) {
    var neg = ticks < 0, t = Math.abs(ticks), d = TICKS_PER_HOUR;
    for (var s = 0, p = 1; s <= 3; s++, p *= 10) {
      if ((t * p) % d === 0) return (neg ? "-" : "") + decimal((t * p) / d, s);
    }
    return "≈ " + (neg ? "-" : "") + decimal(Math.floor((t * 200 + d) / (2 * d)), 2);
  }
  function decimal(v, scale) {
    if (scale === 0) return String(v);
    var p = Math.pow(10, scale), frac = String(v % p);
    while (frac.length < scale) frac = "0" + frac;
    return Math.floor(v / p) + "," + frac;
  }
  function hours(ticks) { return ticks / TICKS_PER_HOUR; }

  // A period's name → its document code, as the server makes it (page_assessment.c).
  function periodCode(name) {
    var map = { "å": "a", "ä": "a", "Å": "a", "Ä": "a", "ö": "o", "Ö": "o", "é": "e", "É": "e",
      "ü": "u", "Ü": "u" };
    var out = "", gap = false;
    for (var i = 0; i < name.length; i++) {
      var ch = name[i], c = "";
      if (/[a-z0-9]/.test(ch)) c = ch;
      else if (/[A-Z]/.test(ch)) c = ch.toLowerCase();
      else if (map[ch]) c = map[ch];
      if (c) { if (gap && out) out += "_"; out += c; gap = false; } else gap = true;
    }
    return out.length >= 1 && out.length <= 32 && out !== "all" ? out : null;
  }

  // ---- the form (browser only) ----

  function intOf(v) {
    v = (v || "").trim();
    return /^\d{1,9}$/.test(v) ? parseInt(v, 10) : (v === "" ? undefined : NaN);
  }

  function value(form, name) {
    var el = form.elements.namedItem(name);
    return el && "value" in el ? el.value : "";
  }

  // The document the server builds from the same form (empty rows left out).
  function readForm(form) {
    var doc = { assessment_date: value(form, "assessment_date").trim(),
      birth_date: value(form, "birth_date").trim(), needs: [], rest: [], deductions: [] };
    var aids = form.elements.namedItem("aids_investigated");
    doc.aids_investigated = !!(aids && aids.checked);
    var periodCodes = {}, declared = [];
    for (var k = 0; form.elements.namedItem("periods[" + k + "].weeks"); k++) {
      var wk = intOf(value(form, "periods[" + k + "].weeks"));
      var code = periodCode(value(form, "periods[" + k + "].period"));
      if (wk === undefined) continue;
      if (!code || !isInt(wk, 1, 52)) return { error: "Perioden på rad " + (k + 1) + " är inte ifylld rätt." };
      periodCodes[String(k + 1)] = code;
      declared.push({ period: code, weeks: wk });
    }
    if (declared.length) doc.periods = declared;
    var lists = {
      needs: ["need", "description", "minutes", "per_week", "second_assistant_minutes", "period"],
      rest: ["need", "description", "active_minutes", "waiting_minutes", "on_call_minutes",
        "per_week", "period"],
      deductions: ["activity", "need", "minutes", "per_week", "period"]
    };
    for (var list in lists) {
      var keys = lists[list];
      for (var r = 0; form.elements.namedItem(list + "[" + r + "]." + keys[0]); r++) {
        var row = {}, empty = true;
        for (var c = 0; c < keys.length; c++) {
          var v = value(form, list + "[" + r + "]." + keys[c]);
          if (keys[c] !== "period" && v.trim() !== "") empty = false;
          row[keys[c]] = v;
        }
        if (empty) continue;
        var out = {};
        for (c = 0; c < keys.length; c++) {
          var key = keys[c], val = row[key];
          if (key === "need") {
            out.need = val === "meals_tube" ? "meals" : val;
            if (val === "meals_tube") out.tube_feeding = true;
          } else if (key === "activity" || key === "description") {
            out[key] = val;
          } else if (key === "period") {
            if (val && val !== "all") {
              if (!periodCodes[val]) return { error: "En rad hör till en period utan antal veckor." };
              out.period = periodCodes[val];
            }
          } else {
            var n = intOf(val);
            if (n !== undefined) out[key] = n;
          }
        }
        doc[list].push(out);
      }
    }
    return doc;
  }

  function render(form, live) {
    var doc = readForm(form), text;
    var res = doc.error ? { ok: false, reason: doc.error } : compute(doc);
    if (!res.ok) {
      text = "Preliminärt: kan inte räknas ännu – " + res.reason;
    } else {
      text = "Preliminärt: " + formatHours(res.total) + " tim/vecka (grundläggande behov " +
        formatHours(res.basic) + ", övriga behov " + formatHours(res.other) + ")." +
        (res.fkNotice ? " Grundläggande behov över 20 tim/vecka: anmälan till Försäkringskassan (R-110)."
          : "") + " Tryck Beräkna för serverns resultat, som är det som gäller.";
    }
    if (live.textContent !== text) live.textContent = text;
    live.hidden = false;
  }

  // The rows' period choices carry the periods' current names.
  function relabelPeriods(form) {
    for (var k = 0; form.elements.namedItem("periods[" + k + "].period"); k++) {
      var name = value(form, "periods[" + k + "].period").trim() || "Period " + (k + 1);
      var opts = form.querySelectorAll("select[name$='.period'] option[value='" + (k + 1) + "']");
      for (var i = 0; i < opts.length; i++) if (opts[i].textContent !== name) opts[i].textContent = name;
    }
  }

  function attach(doc) {
    function start() {
      var live = doc.getElementById("hours-live");
      var form = live && live.closest ? live.closest("form") : null;
      if (!form) return;
      var timer = null;
      function update() {
        timer = null;
        relabelPeriods(form);
        render(form, live);
      }
      // a pause in typing before the polite live region is updated, so it is not read per key
      function later() { if (timer) clearTimeout(timer); timer = setTimeout(update, 400); }
      form.addEventListener("input", later);
      form.addEventListener("change", later);
      update();
    }
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
    else start();
  }

  return { compute: compute, formatHours: formatHours, hours: hours, periodCode: periodCode,
    readForm: readForm, attach: attach, TICKS_PER_HOUR: TICKS_PER_HOUR };
});
