import { useCallback } from 'react';
import { shanghaiDate } from '../../domain/dates';
import { formatTime } from '../../domain/format';
import type { TFunction } from '../../i18n/use-translation';
import { useTranslation } from '../../i18n/use-translation';
import { describeCron } from './notify-cron';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** An instant on the Asia/Shanghai clock: 2025-12-29 09:00 (— for none). */
export function useWhen(): (iso: string | null | undefined) => string {
  const { locale } = useTranslation();
  return useCallback(
    (iso) => (iso ? `${shanghaiDate(new Date(iso))} ${formatTime(Date.parse(iso), locale)}` : '—'),
    [locale],
  );
}

/** A cron in words (每周一 09:00), or null when it is not one of the common shapes. */
export function cronInWords(t: TFunction, cron: string): string | null {
  const d = describeCron(cron);
  if (!d) return null;
  switch (d.kind) {
    case 'weekly':
      return t('admin.notify.cronWords.weekly', {
        days: d.days.map((n) => t(`admin.notify.weekday.${WEEKDAYS[n] ?? 'sun'}`)).join(t('admin.notify.listJoin')),
        time: d.time,
      });
    case 'daily':
    case 'workdays':
      return t(`admin.notify.cronWords.${d.kind}`, { time: d.time });
    case 'monthly':
      return t('admin.notify.cronWords.monthly', { day: d.day, time: d.time });
    case 'hourly':
      return t('admin.notify.cronWords.hourly', { minute: d.minute });
    case 'everyMinutes':
      return t('admin.notify.cronWords.everyMinutes', { every: d.every });
  }
}
