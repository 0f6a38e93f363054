import { describeCron } from './notify-cron';

describe('describeCron', () => {
  it('reads the common schedules', () => {
    expect(describeCron('0 9 * * 1')).toEqual({ kind: 'weekly', days: [1], time: '09:00' });
    expect(describeCron('30 8 * * 1,4')).toEqual({ kind: 'weekly', days: [1, 4], time: '08:30' });
    // Sunday is 0 or 7, and comes last in a week read Monday first.
    expect(describeCron('0 18 * * 0,5')).toEqual({ kind: 'weekly', days: [5, 0], time: '18:00' });
    expect(describeCron('0 18 * * 7')).toEqual({ kind: 'weekly', days: [0], time: '18:00' });
    expect(describeCron('0 9 * * 1-5')).toEqual({ kind: 'workdays', time: '09:00' });
    expect(describeCron('15 7 * * *')).toEqual({ kind: 'daily', time: '07:15' });
    expect(describeCron('0 7 * * 0-6')).toEqual({ kind: 'daily', time: '07:00' });
    expect(describeCron('0 10 1 * *')).toEqual({ kind: 'monthly', day: 1, time: '10:00' });
    expect(describeCron('5 * * * *')).toEqual({ kind: 'hourly', minute: 5 });
    expect(describeCron('*/15 * * * *')).toEqual({ kind: 'everyMinutes', every: 15 });
    expect(describeCron('  0   9 * *   1 ')).toEqual({ kind: 'weekly', days: [1], time: '09:00' });
  });

  it('leaves the rest to the cron as written', () => {
    for (const cron of [
      '0 9 * 1 1',
      '0 9 1 * 1',
      '0 9-17 * * *',
      '0 25 * * *',
      '61 9 * * *',
      '0 9 * * 8',
      '0 9 * *',
      'x',
    ])
      expect(describeCron(cron)).toBeNull();
  });
});
