import { type ComponentType, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDepartmentNames } from '../../api/get-departments';
import { usePlans } from '../../api/get-plans';
import { shanghaiDate } from '../../domain/dates';
import type { ProgressReport } from '../../domain/schemas';
import { defaultAsOf, type User } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { LeadDepartment } from '../../ui/lead-department';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RequireSession } from '../../ui/require-session';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useNow } from '../../ui/use-now';
import { useMyTargets } from './api/get-my-targets';
import { useTargetHistory } from './api/get-target-history';
import { ReturnedNotice } from './approval-tag';
import { MyTargetList } from './my-target-list';
import { type Draft, emptyDraft, narrativeDraft } from './report-draft';
import { ReportForm } from './report-form';
import { ReportHistory } from './report-history';
import '../../ui/forms.css';
import './report.css';
import { paths } from '../../domain/paths';

/** 本单位督办事项 (issue 24): handed in by the app, a lazily loaded section with its own words. */
export type ReportSupervisionSlot = ComponentType<{ user: User }>;

export function ReportPage({ supervision }: { supervision?: ReportSupervisionSlot }) {
  const { t } = useTranslation();
  useDocumentTitle(t('report.docTitle'), t('app.title'));
  return (
    <div className="stack">
      <PageHeader
        title={t('report.title')}
        aside={
          <Link className="button" to={paths.reportImport()}>
            {t('report.importLink')}
          </Link>
        }
      />
      <RequireSession roles={['reporter', 'admin']}>
        {(user) => <ReportDesk user={user} supervision={supervision} />}
      </RequireSession>
    </div>
  );
}

function ReportDesk({
  user,
  supervision: Supervision,
}: {
  user: User;
  supervision?: ReportSupervisionSlot | undefined;
}) {
  const { t } = useTranslation();
  // The user's departments are registry ids: people read their names.
  const departmentName = useDepartmentNames();
  const query = useMyTargets();
  const [params] = useSearchParams();
  // What was typed for each target survives switching between them (and every failed save).
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  // The department's 督办事项 come after its targets have arrived (a reporter's page loads them first).
  const supervision = Supervision && user.departments.length > 0 && (
    <Suspense fallback={null}>
      <Supervision user={user} />
    </Suspense>
  );
  return (
    <>
      {query.data && supervision}
      <QueryState query={query} label={t('freshness.loading')} lines={8}>
        {(data) => {
          if (data.items.length === 0)
            return (
              <div className="card">
                <p>{t('report.noTargets')}</p>
                {user.departments.length > 0 && (
                  <p className="muted small">
                    {t('report.departments', { list: user.departments.map(departmentName).join('、') })}
                  </p>
                )}
              </div>
            );
          const selectedId = params.get('target') ?? data.items[0]?.id ?? null;
          const selected = data.items.find((i) => i.id === selectedId) ?? null;
          return (
            <div className="report-layout">
              <aside className="card report-layout__list">
                <p className="muted small">{t('report.myTargetsHint')}</p>
                <MyTargetList items={data.items} selected={selected?.id ?? null} />
              </aside>
              <div className="card report-layout__panel">
                {selected ? (
                  <TargetReportPanel
                    key={selected.id}
                    target={selected}
                    isAdmin={user.role === 'admin'}
                    saved={drafts[selected.id]}
                    onDraft={(d) => setDrafts((all) => ({ ...all, [selected.id]: d }))}
                  />
                ) : (
                  <p>{t('report.pickTarget')}</p>
                )}
              </div>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}

type MyTarget = NonNullable<ReturnType<typeof useMyTargets>['data']>['items'][number];

function TargetReportPanel({
  target,
  isAdmin,
  saved,
  onDraft,
}: {
  target: MyTarget;
  isAdmin: boolean;
  saved: Draft | undefined;
  onDraft: (d: Draft) => void;
}) {
  const { t } = useTranslation();
  const now = useNow()();
  const today = shanghaiDate(now);
  const history = useTargetHistory(target.id);
  const plans = usePlans();
  const plan = plans.data?.items.find((p) => p.id === target.planId);
  // The reporting cut-off: today while the target runs, its deadline once that has passed.
  const asOf = defaultAsOf(target, today);
  const [draft, setDraftState] = useState<Draft>(() => saved ?? emptyDraft(asOf));
  const [correcting, setCorrecting] = useState<ProgressReport | null>(null);
  const setDraft = (d: Draft) => {
    onDraft(d);
    setDraftState(d);
  };
  const startCorrection = (r: ProgressReport) => {
    setCorrecting(r);
    const figure = {
      value: r.value === null ? '' : String(r.value),
      unit: r.value === null ? '' : r.unit === target.unit ? '' : r.unit,
      stagesDone: r.stagesDone === null ? '' : String(r.stagesDone),
    };
    const told = narrativeDraft(r);
    if (r.approval?.state === 'returned') {
      // Revising a returned report starts from it as it was sent: its figure and narrative.
      setDraft({ ...draft, ...figure, ...told, asOf: r.asOf, reason: t('report.desk.reviseReason') });
      return;
    }
    // What was typed already stays; the rest comes from the report corrected (its narrative is not
    // carried over by the server, so a correction that left it out would clear it).
    setDraft({
      ...draft,
      asOf: r.asOf,
      value: draft.value || figure.value,
      unit: figure.unit,
      stagesDone: draft.stagesDone || figure.stagesDone,
      progress: draft.progress || told.progress,
      problems: draft.problems || told.problems,
      nextSteps: draft.nextSteps || told.nextSteps,
      coordination: draft.coordination || told.coordination,
      reason: '',
    });
  };
  const focusForm = () => requestAnimationFrame(() => document.getElementById('report-value')?.focus());
  return (
    <div className="stack">
      <header>
        <h2 className="report-target-title">
          <Link to={paths.target(target.id)}>{target.title}</Link>
        </h2>
        <p className="muted small">
          {t('common.goal')}：{target.target ?? '—'}
          {target.unit} · {t('common.department')}：
          {target.department === null ? '—' : <LeadDepartment target={target} />} · {t('target.deadline')}：
          {target.deadline}
        </p>
      </header>
      <QueryState query={history} label={t('freshness.loading')} lines={6}>
        {(detail) => {
          // The history's versions carry the names (填报人, the reviewer's) the list leaves out.
          const returned = target.returned.map((r) => detail.item.reports.find((x) => x.id === r.id) ?? r);
          return (
            <>
              {returned.map((r) => (
                <ReturnedNotice
                  key={r.id}
                  report={r}
                  target={target}
                  revising={correcting?.id === r.id}
                  onRevise={() => {
                    startCorrection(r);
                    focusForm();
                  }}
                />
              ))}
              <ReportForm
                target={target}
                history={detail.item.reports}
                thresholds={plan?.thresholds}
                approval={plan?.approval === true}
                today={today}
                now={now}
                draft={draft}
                onDraftChange={setDraft}
                correcting={correcting}
                onCancelCorrection={() => setCorrecting(null)}
                onLoadLatest={async (reportId) => {
                  const fresh = await history.refetch();
                  const r = fresh.data?.item.reports.find((x) => x.id === reportId);
                  if (r) startCorrection(r);
                }}
                onSaved={() => {
                  setCorrecting(null);
                  setDraft({ ...emptyDraft(asOf), unit: draft.unit });
                }}
              />
              <ReportHistory
                target={target}
                reports={detail.item.reports}
                correctingId={correcting?.id ?? null}
                mayCorrectPublished={isAdmin}
                onCorrect={(r) => {
                  startCorrection(r);
                  focusForm();
                }}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
