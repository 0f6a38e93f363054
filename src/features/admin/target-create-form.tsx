import { type FormEvent, useState } from 'react';
import { usePlans } from '../../api/get-plans';
import { parseNumberText } from '../../domain/cells';
import { COMPARATORS, METRIC_KINDS } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { targetCreateSchema } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { useCreateTarget } from './api/targets';
import { DivisionFields, useDivisionFields } from './division-fields';
import { FormActions, FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';

const KINDS = METRIC_KINDS.filter((k) => k !== 'milestone');
type Fields =
  | 'id'
  | 'planId'
  | 'sectorId'
  | 'subsection'
  | 'title'
  | 'district'
  | 'kind'
  | 'unit'
  | 'target'
  | 'comparator'
  | 'periodStart'
  | 'deadline'
  | 'document'
  | 'quote';

const initial: Record<Fields, string> = {
  id: '',
  planId: '',
  sectorId: 'demand',
  subsection: '',
  title: '',
  district: '市级',
  kind: 'cumulative',
  unit: '',
  target: '',
  comparator: 'gte',
  periodStart: '',
  deadline: '',
  document: '',
  quote: '',
};

/** A numeric target added by hand (milestones and monthly pacing come with a plan import). */
export function TargetCreateForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const plans = usePlans();
  const create = useCreateTarget();
  const [form, setForm] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Fields, string> = {
    id: t('admin.id'),
    planId: t('admin.plan'),
    sectorId: t('admin.sector'),
    subsection: t('admin.subsection'),
    title: t('admin.targetTitle'),
    district: t('admin.district'),
    kind: t('admin.kind'),
    unit: t('admin.unit'),
    target: t('admin.targetValue'),
    comparator: t('admin.comparator'),
    periodStart: t('admin.periodStart'),
    deadline: t('admin.deadline'),
    document: t('admin.sourceDocument'),
    quote: t('admin.sourceQuote'),
  };
  const division = useDivisionFields();
  const f = useFieldErrors('new-target', {
    ...labels,
    source: t('admin.sourceQuote'),
    department: t('admin.department'),
    supportingDepartments: t('admin.supporting'),
  });
  const planId = form.planId || plans.data?.items[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const n = parseNumberText(form.target);
    const body = {
      id: form.id.trim(),
      planId,
      sectorId: form.sectorId,
      subsection: form.subsection.trim(),
      title: form.title.trim(),
      district: form.district.trim(),
      ...division.body(),
      kind: form.kind,
      unit: form.unit.trim(),
      target: n.ok ? n.value : null,
      comparator: form.comparator,
      baseline: null,
      periodStart: form.periodStart,
      deadline: form.deadline,
      pacing: { type: 'linear' },
      stages: [],
      headline: null,
      source: { document: form.document.trim(), quote: form.quote.trim() },
      demo: false,
    };
    if (!f.validate(targetCreateSchema, body)) return;
    if (!n.ok) return f.set('target', n);
    create.mutate(body, {
      onSuccess: (res) => {
        setDone(res.item.id);
        setForm(initial);
        division.reset();
      },
      onError: (err) => f.fromServer(err),
    });
  };
  const control = (k: Fields, el: 'input' | 'select' = 'input', options?: [string, string][], type = 'text') => {
    const common = {
      ...describedBy(`new-target-${k}`, f.error(k)),
      value: k === 'planId' ? planId : form[k],
      onChange: (e: { target: { value: string } }) => {
        f.clear(k);
        setForm((s) => ({ ...s, [k]: e.target.value }));
      },
    };
    return (
      <div className={`field${k === 'title' || k === 'quote' ? ' field--wide' : ''}`}>
        <label className="field__label" htmlFor={`new-target-${k}`}>
          {labels[k]}
        </label>
        {el === 'select' ? (
          <select {...common}>
            {options?.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        ) : k === 'quote' ? (
          <textarea rows={2} {...common} />
        ) : (
          <input type={type} {...common} />
        )}
        <FieldMessage id={`new-target-${k}`} error={f.error(k) ?? (k === 'quote' ? f.error('source') : undefined)} />
      </div>
    );
  };
  return (
    <section className="card" aria-labelledby="new-target-heading">
      <form className="form" noValidate onSubmit={submit}>
        <h2 id="new-target-heading" className="card__title">
          {t('admin.newTarget')}
        </h2>
        <FormFeedback f={f} success={done ? t('admin.targetCreated', { id: done }) : null} />
        <div className="form__grid">
          {control('id')}
          {control('planId', 'select', plans.data?.items.map((p) => [p.id, p.title]) ?? [])}
          {control('title')}
          {control(
            'sectorId',
            'select',
            SECTORS.map((s) => [s.id, locale === 'en' ? s.nameEn : s.name]),
          )}
          {control('subsection')}
          {control('district')}
          <div className="field--wide admin-division">
            <DivisionFields prefix="new-target" division={division} errors={f} onChange={() => setDone(null)} />
          </div>
          {control(
            'kind',
            'select',
            KINDS.map((k) => [k, t(`target.kind.${k}`)]),
          )}
          {control(
            'comparator',
            'select',
            COMPARATORS.map((c) => [c, t(`target.comparator.${c}`)]),
          )}
          {control('target')}
          {control('unit')}
          {control('periodStart', 'input', undefined, 'date')}
          {control('deadline', 'input', undefined, 'date')}
          {control('document')}
          {control('quote')}
        </div>
        <FormActions submitLabel={t('admin.createTarget')} pending={create.isPending} />
      </form>
    </section>
  );
}
