import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { usePlans } from '../../api/get-plans';
import type { Plan } from '../../domain/schemas';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { useSavePlan } from './api/plans';
import { EscalateField } from './notify-escalate-field';

/**
 * 规划设置: whether a plan's reports wait for a reviewer (本规划的填报须经审核), and after how many
 * missed reporting cycles a reminder escalates (催报升级). Each checkbox saves at once, the number
 * with its button; the plan goes back whole, as the plan list gave it, with only that setting changed.
 */
export function PlansPanel() {
  const { t } = useTranslation();
  const plans = usePlans();
  const save = useSavePlan();
  const failureText = useFailureText();
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = (plan: Plan, on: boolean) => {
    setSaved(null);
    save.mutate(
      { ...plan, approval: on },
      {
        onSuccess: () =>
          setSaved(
            t('admin.review.saved', {
              plan: plan.title,
              state: t(on ? 'admin.review.savedOn' : 'admin.review.savedOff'),
            }),
          ),
      },
    );
  };
  const saveEscalation = (plan: Plan, escalateAfter: number) => {
    setSaved(null);
    save.mutate(
      { ...plan, escalateAfter },
      { onSuccess: () => setSaved(t('admin.notify.escalate.saved', { plan: plan.title, count: escalateAfter })) },
    );
  };
  return (
    <section className="card" aria-labelledby="plans-title">
      <h2 id="plans-title" className="card__title">
        {t('admin.review.planSettings')}
      </h2>
      <p className="muted small">{t('admin.review.planSettingsHint')}</p>
      <p className="muted small">{t('admin.notify.escalate.hint')}</p>
      <div role="status">{saved && <p className="form-notice form-notice--ok">{saved}</p>}</div>
      {save.isError && (
        <div className="form-alert" role="alert">
          {isApiError(save.error) ? failureText(save.error) : String(save.error)}
        </div>
      )}
      <QueryState query={plans} label={t('freshness.loading')}>
        {(data) => (
          <table className="table">
            <caption className="visually-hidden">{t('admin.review.planCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.review.planColumn')}</th>
                <th scope="col">{t('admin.review.approvalColumn')}</th>
                <th scope="col">{t('admin.notify.escalate.column')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" id={`plan-${p.id}`}>
                    {p.title}
                    <span className="muted small admin-plan-meta">
                      {p.issuer} · {p.year}
                    </span>
                  </th>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={p.approval ?? false}
                        disabled={save.isPending}
                        aria-describedby={`plan-${p.id}`}
                        onChange={(e) => toggle(p, e.target.checked)}
                      />
                      {t('admin.review.approval')}
                    </label>
                  </td>
                  <td>
                    <EscalateField
                      key={p.escalateAfter ?? 'default'}
                      plan={p}
                      pending={save.isPending}
                      onSave={(n) => saveEscalation(p, n)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
