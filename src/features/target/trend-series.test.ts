import { dayNumber } from '../../domain/dates';
import type { TargetDetailResponse } from '../../domain/target-api';
import { setupMockApi } from '../../test/render-app';
import { buildTrend } from './trend-series';

setupMockApi();

async function detail(id: string): Promise<TargetDetailResponse> {
  return (await (await fetch(`${window.location.origin}/api/v1/targets/${id}`)).json()) as TargetDetailResponse;
}

describe('trend series', () => {
  it('paces a cumulative target from 0 at the period start to the target at the deadline', async () => {
    const { item, asOf } = await detail('qd-key-projects');
    const trend = buildTrend(item, asOf);
    expect(trend.expected[0]).toEqual({ day: dayNumber(item.periodStart), value: 0 });
    expect(trend.expected.at(-1)).toEqual({ day: dayNumber(item.deadline), value: item.target });
    const values = trend.expected.map((p) => p.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('draws the pace line of a level target without a stated baseline, as the status engine paces it', async () => {
    const { item, asOf } = await detail('qd-renewable-capacity');
    expect(item.kind).toBe('level');
    const trend = buildTrend(item, asOf);
    expect(trend.expected.length).toBeGreaterThan(50);
    expect(trend.expected.at(-1)?.value).toBe(item.target);
    // The line at the as-of date is where the progress bar's marker is.
    const at = trend.expected.filter((p) => p.day <= dayNumber(asOf)).at(-1);
    expect((at?.value ?? 0) / (item.target ?? 1)).toBeCloseTo(item.state.expected ?? Number.NaN, 1);
  });

  it('starts the value axis near a stock’s baseline, and at 0 for a flow', async () => {
    const racks = await detail('dq-dc-standard-racks');
    const trend = buildTrend(racks.item, racks.asOf);
    const lowest = Math.min(...trend.reported.map((p) => p.value));
    expect(trend.floor).toBeGreaterThan(0);
    expect(trend.floor).toBeLessThanOrEqual(lowest);
    expect(trend.floor).toBeGreaterThan(lowest * 0.8);
    const flow = await detail('qd-key-projects');
    expect(buildTrend(flow.item, flow.asOf).floor).toBe(0);
  });

  it('holds a growth rate at its target all year', async () => {
    const { item, asOf } = await detail('qd-fiscal-sci-tech-growth');
    expect(item.kind).toBe('growth');
    const trend = buildTrend(item, asOf);
    expect(trend.expected.length).toBeGreaterThan(50);
    expect(new Set(trend.expected.map((p) => p.value))).toEqual(new Set([15]));
  });
});
