import { useState } from 'react';
import { DELIVERY_STATES, type Delivery } from '../../domain/notify-api';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { DELIVERIES_LIMIT, type DeliveryState, useDeliveries } from './api/notify';
import { useWhen } from './notify-words';

const MARK = { pending: '◷', sent: '✓', failed: '✕' } as const;

/** A delivery's state as a mark and a word, never colour alone. */
export function DeliveryStateText({ state }: { state: Delivery['state'] }) {
  const { t } = useTranslation();
  return (
    <span className="notify-state" data-state={state}>
      <span aria-hidden="true">{MARK[state]} </span>
      {t(`admin.notify.deliveryState.${state}`)}
    </span>
  );
}

/** 发送记录: every message to every channel, newest first, with its attempts, next retry and error. */
export function DeliveriesList() {
  const { t } = useTranslation();
  const when = useWhen();
  const [state, setState] = useState<DeliveryState | undefined>(undefined);
  const deliveries = useDeliveries(state);
  return (
    <section className="card stack" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="card__title">
        {t('admin.notify.deliveries')}
      </h2>
      <p className="muted small">{t('admin.notify.deliveriesHint', { limit: DELIVERIES_LIMIT })}</p>
      <div className="admin-filters">
        <div className="field">
          <label className="field__label" htmlFor="deliveries-state">
            {t('admin.notify.stateFilter')}
          </label>
          <select
            id="deliveries-state"
            value={state ?? ''}
            onChange={(e) => setState((e.target.value || undefined) as DeliveryState | undefined)}
          >
            <option value="">{t('admin.notify.allStates')}</option>
            {DELIVERY_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.notify.deliveryState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={deliveries.isFetching}
          onClick={() => void deliveries.refetch()}
        >
          {t('admin.notify.refresh')}
        </button>
      </div>
      <QueryState query={deliveries} label={t('freshness.loading')}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('admin.notify.noDeliveries')}</p>
          ) : (
            <ScrollRegion label={t('admin.notify.deliveries')}>
              <table className="table notify-table">
                <caption className="visually-hidden">{t('admin.notify.deliveries')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.notify.createdAt')}</th>
                    <th scope="col">{t('admin.notify.message')}</th>
                    <th scope="col">{t('admin.notify.channel')}</th>
                    <th scope="col">{t('admin.notify.recipient')}</th>
                    <th scope="col">{t('admin.notify.state')}</th>
                    <th scope="col" className="num">
                      {t('admin.notify.attempts')}
                    </th>
                    <th scope="col">{t('admin.notify.nextAttempt')}</th>
                    <th scope="col">{t('admin.notify.error')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.id}>
                      <td className="nowrap small">{when(d.createdAt)}</td>
                      <td>
                        <span className="muted small">{t(`admin.notify.messageKind.${d.messageKind}`)} · </span>
                        {d.title}
                      </td>
                      <td>
                        {d.channelName}
                        <span className="muted small"> · {t(`admin.notify.kindName.${d.channelKind}`)}</span>
                      </td>
                      <td>{d.recipient}</td>
                      <td className="nowrap">
                        <DeliveryStateText state={d.state} />
                        {d.sentAt && (
                          <span className="muted small notify-block">
                            {t('admin.notify.sentAt', { time: when(d.sentAt) })}
                          </span>
                        )}
                      </td>
                      <td className="num">{d.attempts}</td>
                      <td className="nowrap small">{d.state === 'pending' ? when(d.nextAttemptAt) : '—'}</td>
                      <td className="small notify-error-cell">{d.lastError ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryState>
    </section>
  );
}
