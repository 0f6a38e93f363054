import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, issueOfZod } from './issues';
import { guanluReservoir, keyProjects, newJobs, reportFor } from './test-fixtures';
import {
  checkReport,
  correctionInputSchema,
  createUserRequestSchema,
  defaultAsOf,
  dueness,
  reportInputSchema,
} from './write-api';

const TODAY = '2025-12-29';
const draft = (o: Partial<Parameters<typeof checkReport>[2]> = {}) => ({
  asOf: TODAY,
  value: 100,
  unit: '',
  stagesDone: null,
  ...o,
});

describe('checkReport speaks in codes', () => {
  it('names a date out of range with the date it must not pass', () => {
    const t = keyProjects();
    expect(checkReport(t, [], draft({ asOf: '2026-01-05' }), TODAY).errors).toEqual([
      { field: 'asOf', code: 'as_of_future', params: { today: TODAY } },
      { field: 'asOf', code: 'as_of_after_deadline', params: { deadline: '2025-12-31' } },
    ]);
    expect(checkReport(t, [], draft({ asOf: '2024-12-31' }), TODAY).errors).toEqual([
      { field: 'asOf', code: 'as_of_before_start', params: { start: '2025-01-01' } },
    ]);
  });

  it('asks for the right figure: stages for a milestone, a value otherwise', () => {
    const m = guanluReservoir();
    expect(checkReport(m, [], draft({ stagesDone: null }), TODAY).errors).toEqual([
      { field: 'stagesDone', code: 'stages_required' },
      { field: 'value', code: 'milestone_value' },
    ]);
    expect(checkReport(m, [], draft({ value: null, stagesDone: 4 }), TODAY).errors).toEqual([
      { field: 'stagesDone', code: 'stages_too_many', params: { max: 3 } },
    ]);
    const t = keyProjects();
    expect(checkReport(t, [], draft({ value: null, stagesDone: 1 }), TODAY).errors).toEqual([
      { field: 'stagesDone', code: 'numeric_stages' },
      { field: 'value', code: 'value_required' },
    ]);
    expect(checkReport(t, [], draft({ value: -1 }), TODAY).errors).toEqual([
      { field: 'value', code: 'cumulative_negative' },
    ]);
  });

  it('refuses a fraction of a thing counted whole (443.7个项目), not one that converts to whole things', () => {
    const t = keyProjects();
    expect(checkReport(t, [], draft({ value: 443.7 }), TODAY).errors).toEqual([
      { field: 'value', code: 'count_not_whole', params: { unit: '个' } },
    ]);
    expect(checkReport(t, [], draft({ value: 0.0444, unit: '万个' }), TODAY).errors).toEqual([]);
    expect(checkReport(t, [], draft({ value: 0.04437, unit: '万个' }), TODAY).errors).toEqual([
      { field: 'value', code: 'count_not_whole', params: { unit: '个' } },
    ]);
  });

  it('refuses a unit that does not convert, naming both units', () => {
    const t = keyProjects();
    expect(checkReport(t, [], draft({ unit: '万元' }), TODAY).errors).toEqual([
      { field: 'unit', code: 'incompatible_units', params: { from: '万元', to: '个' } },
    ]);
    expect(checkReport(t, [], draft({ unit: '万' }), TODAY).errors).toEqual([
      { field: 'unit', code: 'invalid_unit', params: { unit: '万' } },
    ]);
    expect(checkReport(newJobs(), [], draft({ value: 1e305, unit: '亿人' }), TODAY).errors).toEqual([
      { field: 'unit', code: 'value_too_large', params: { from: '亿人', to: '万人', value: '1e+305' } },
    ]);
  });

  it('asks for confirmation with the figures in the target’s unit', () => {
    const t = newJobs();
    const history = [reportFor(t, '2025-12-19', 30)];
    const below = checkReport(t, history, draft({ value: 290000, unit: '人' }), TODAY);
    expect(below.errors).toEqual([]);
    expect(below.valueInTargetUnit).toBe(29);
    expect(below.confirmations).toEqual([
      { code: 'below_last', params: { value: 29, last: 30, unit: '万人', asOf: '2025-12-19' } },
    ]);
    const far = checkReport(t, [], draft({ value: 350000 }), TODAY);
    expect(far.confirmations).toEqual([
      { code: 'far_beyond', params: { value: 350000, goal: 35, unit: '万人', ratio: 10000 } },
    ]);
  });

  it('never returns words, only known codes, whatever the draft', () => {
    const t = newJobs();
    const history = [reportFor(t, '2025-06-30', 12), reportFor(t, '2025-09-30', 20, { unit: '人' })];
    fc.assert(
      fc.property(
        fc.record({
          asOf: fc.constantFrom('2024-12-31', '2025-03-31', '2025-12-29', '2026-01-05'),
          value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })),
          unit: fc.constantFrom('', '人', '万人', '亿元', '个', '万', ''),
          stagesDone: fc.option(fc.integer({ min: 0, max: 5 })),
        }),
        (d) => {
          const check = checkReport(t, history, d, TODAY);
          for (const issue of [...check.errors, ...check.confirmations]) {
            expect(ISSUE_CODES).toContain(issue.code);
            expect(issue).not.toHaveProperty('message');
          }
        },
      ),
    );
  });
});

describe('schema issues as codes', () => {
  const first = (r: { success: boolean; error?: { issues: Parameters<typeof issueOfZod>[0][] } }) => {
    const issue = r.error?.issues[0];
    if (!issue) throw new Error('expected an issue');
    return issueOfZod(issue);
  };

  it('knows zod’s own checks by kind and limit', () => {
    const user = (o: object) =>
      createUserRequestSchema.safeParse({
        username: 'rep-new',
        password: 'long enough password',
        role: 'reporter',
        ...o,
      });
    expect(first(user({ username: 'a' }))).toEqual({ code: 'too_short', params: { min: 2 } });
    expect(first(user({ username: 'x'.repeat(65) }))).toEqual({ code: 'too_long', params: { max: 64 } });
    expect(first(user({ password: 'short' }))).toEqual({ code: 'too_short', params: { min: 10 } });
    expect(first(user({ departments: [''] }))).toEqual({ code: 'required' });
    expect(first(user({ departments: Array.from({ length: 51 }, (_, i) => `d${i}`) }))).toEqual({
      code: 'too_many',
      params: { max: 50 },
    });
    expect(first(user({ role: 'root' }))).toEqual({ code: 'invalid_choice' });
    expect(first(user({ password: undefined }))).toEqual({ code: 'required' });
    expect(first(user({ password: 12 }))).toEqual({ code: 'invalid_type' });
  });

  it('knows a refinement by the code in its params', () => {
    const user = createUserRequestSchema.safeParse({
      username: 'rep new!',
      password: 'long enough password',
      role: 'reporter',
    });
    expect(first(user)).toEqual({ code: 'username_chars' });
    expect(first(reportInputSchema.safeParse({ asOf: '2025-12-29', evidence: 'javascript:alert(1)' }))).toEqual({
      code: 'evidence_link',
    });
    expect(first(reportInputSchema.safeParse({ asOf: '2025-02-30' }))).toEqual({ code: 'date_format' });
    expect(first(reportInputSchema.safeParse({ asOf: '2025-12-29', note: 'a\0b' }))).toEqual({
      code: 'unstorable_text',
    });
    // zod 4 refuses Infinity as a number before the finiteness refinement sees it.
    expect(first(reportInputSchema.safeParse({ asOf: '2025-12-29', value: Number.POSITIVE_INFINITY }))).toEqual({
      code: 'invalid_type',
    });
    expect(first(correctionInputSchema.safeParse({ reason: ' ' }))).toEqual({ code: 'required' });
  });
});

describe('defaultAsOf: the reporting cut-off a new report starts with', () => {
  const year = newJobs({ periodStart: '2025-01-01', deadline: '2025-12-31' });

  it('is today while the target runs', () => {
    expect(defaultAsOf(year, '2025-12-29')).toBe('2025-12-29');
    expect(defaultAsOf(year, '2025-01-01')).toBe('2025-01-01');
    expect(defaultAsOf(year, '2025-12-31')).toBe('2025-12-31');
  });

  it('is the deadline once it has passed, not today (which the checks would refuse)', () => {
    expect(defaultAsOf(year, '2026-01-05')).toBe('2025-12-31');
    expect(defaultAsOf(year, '2027-03-01')).toBe('2025-12-31');
    const t = keyProjects();
    const asOf = defaultAsOf(t, '2026-02-10');
    expect(checkReport(t, [], draft({ asOf }), '2026-02-10').errors).toEqual([]);
  });

  it('never names a future date, nor one before the period of a target that has started', () => {
    // A target not started yet: today, which the form then refuses as before the period (never a future date).
    expect(defaultAsOf(newJobs({ periodStart: '2026-01-01', deadline: '2026-12-31' }), '2025-12-29')).toBe(
      '2025-12-29',
    );
    // Bad data (deadline before start) still gives a date within what has begun.
    expect(defaultAsOf(newJobs({ periodStart: '2025-06-01', deadline: '2025-03-31' }), '2025-12-29')).toBe(
      '2025-06-01',
    );
  });

  it('always lies within [periodStart, deadline] and on or before today when the period has begun', () => {
    const day = fc
      .integer({ min: 0, max: 1500 })
      .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 700 }), day, (start, length, today) => {
        const deadline = new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10);
        const t = newJobs({ periodStart: start, deadline });
        const asOf = defaultAsOf(t, today);
        expect(asOf <= today).toBe(true);
        if (start <= today) {
          expect(asOf >= start && asOf <= deadline).toBe(true);
          expect(checkReport(t, [], draft({ asOf }), today).errors).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with dueness: a target still due this week defaults to today', () => {
    const t = newJobs({ periodStart: '2025-01-01', deadline: '2025-12-31' });
    // Thursday 2026-01-01: the week began on Monday 2025-12-29, within the period, so it is still due…
    expect(dueness(t, null, '2026-01-01', 14).due).toBe(true);
    // …but its figure can only be as of the deadline.
    expect(defaultAsOf(t, '2026-01-01')).toBe('2025-12-31');
  });
});
