import { type FormEvent, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { Job, JobRun } from '../../domain/notify-api';
import { useFailureText, useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { useJobs, useRunJob, useUpdateJob } from './api/notify';
import { cronInWords, useWhen } from './notify-words';

const RUN_MARK = { running: '◷', done: '✓', failed: '✕' } as const;

/** A run's state as a mark and a word, never colour alone. */
export function RunState({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  return (
    <span className="notify-state" data-state={run.state}>
      <span aria-hidden="true">{RUN_MARK[run.state]} </span>
      {t(`admin.notify.runState.${run.state}`)}
    </span>
  );
}

/** 定时任务: each job's schedule in words and as cron, its next and last run, on/off, cron edit and 立即运行. */
export function JobsPanel() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const when = useWhen();
  return (
    <section className="card stack" aria-labelledby="jobs-title">
      <h2 id="jobs-title" className="card__title">
        {t('admin.notify.jobs')}
      </h2>
      <p className="muted small">{t('admin.notify.jobsHint')}</p>
      <QueryState query={jobs} label={t('freshness.loading')}>
        {(data) => (
          <>
            <div className="notify-jobs">
              {data.items.map((job) => (
                <JobCard key={job.name} job={job} />
              ))}
            </div>
            <h3 className="notify-subtitle">{t('admin.notify.recentRuns')}</h3>
            {data.runs.length === 0 ? (
              <p className="muted">{t('admin.notify.noRuns')}</p>
            ) : (
              <ScrollRegion label={t('admin.notify.recentRuns')}>
                <table className="table">
                  <caption className="visually-hidden">{t('admin.notify.recentRuns')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.notify.job')}</th>
                      <th scope="col">{t('admin.notify.scheduledFor')}</th>
                      <th scope="col">{t('admin.notify.state')}</th>
                      <th scope="col">{t('admin.notify.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.runs.map((run) => (
                      <tr key={run.id}>
                        <td>{data.items.find((j) => j.name === run.job)?.title ?? run.job}</td>
                        <td className="nowrap small">
                          {when(run.scheduledFor)}
                          {run.manual && <span className="muted"> · {t('admin.notify.manual')}</span>}
                        </td>
                        <td className="nowrap">
                          <RunState run={run} />
                        </td>
                        <td className="small">
                          <RunOutcome run={run} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function RunOutcome({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  return (
    <>
      {run.summary && <span>{run.summary}</span>}
      {run.deliveries > 0 && (
        <span className="muted"> · {t('admin.notify.runDeliveries', { count: run.deliveries })}</span>
      )}
      {run.error && <span className="notify-error">{run.error}</span>}
    </>
  );
}

function JobCard({ job }: { job: Job }) {
  const { t, locale } = useTranslation();
  const when = useWhen();
  const failureText = useFailureText();
  const issueText = useIssueText();
  const update = useUpdateJob();
  const run = useRunJob();
  const [cron, setCron] = useState(job.cron);
  const [cronError, setCronError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const id = `job-${job.name}`;
  const words = cronInWords(t, job.cron);
  const say = (text: string) => {
    setNotice(text);
    // After a button or a submit, the result is where focus goes: read out and in view at 390 px.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const saveCron = (e: FormEvent) => {
    e.preventDefault();
    setCronError(null);
    setNotice(null);
    update.mutate(
      { name: job.name, cron: cron.trim() },
      {
        onSuccess: (res) =>
          say(
            t('admin.notify.cronSaved', {
              title: job.title,
              words: cronInWords(t, res.item.cron) ?? res.item.cron,
            }),
          ),
        onError: (err) => {
          if (!isApiError(err)) return setCronError(String(err));
          // The server's words for a refused cron: its field's issue when it names one.
          const field = err.problem?.errors?.find((i) => i.field === 'cron');
          // Its Chinese words say what is wrong with this cron; another language words the code.
          setCronError(field ? (locale === 'zh-CN' ? field.message : issueText(field)) : failureText(err));
        },
      },
    );
  };
  const toggle = (enabled: boolean) => {
    setNotice(null);
    update.mutate(
      { name: job.name, enabled },
      {
        onSuccess: () =>
          setNotice(t(enabled ? 'admin.notify.jobEnabledOn' : 'admin.notify.jobEnabledOff', { title: job.title })),
        onError: (err) => setNotice(isApiError(err) ? failureText(err) : String(err)),
      },
    );
  };
  const runNow = () => {
    setNotice(null);
    run.mutate(job.name, {
      onSuccess: ({ run: r }) =>
        say(
          // A manual run is one-shot: a failed one is final, shown with its error (never as still running).
          r.state === 'failed'
            ? `${RUN_MARK.failed} ${t('admin.notify.runFailed', { title: job.title, error: r.error ?? t('admin.notify.unknownReason') })}`
            : r.state === 'running'
              ? t('admin.notify.running', { title: job.title })
              : t('admin.notify.runDone', { title: job.title, summary: r.summary ?? '—' }),
        ),
      onError: (err) =>
        say(
          // 409: a run of this job is in progress; its words (该任务正在运行…) say so, no 失败 in front.
          isApiError(err) && err.status === 409
            ? failureText(err)
            : `${RUN_MARK.failed} ${t('admin.notify.runFailed', { title: job.title, error: isApiError(err) ? failureText(err) : String(err) })}`,
        ),
    });
  };
  return (
    <section className="notify-job" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="notify-job__title">
        {job.title}
      </h3>
      <dl className="notify-facts">
        <dt>{t('admin.notify.schedule')}</dt>
        <dd>
          {words && <>{words} · </>}
          <code>{job.cron}</code>
        </dd>
        <dt>{t('admin.notify.nextRun')}</dt>
        <dd>{job.enabled ? when(job.nextRunAt) : t('admin.notify.notScheduled')}</dd>
        <dt>{t('admin.notify.lastRun')}</dt>
        <dd>
          {job.lastRun ? (
            <>
              <RunState run={job.lastRun} /> · {when(job.lastRun.finishedAt ?? job.lastRun.startedAt)}
              {job.lastRun.manual && <span className="muted"> · {t('admin.notify.manual')}</span>}
              <div className="small">
                <RunOutcome run={job.lastRun} />
              </div>
            </>
          ) : (
            t('admin.notify.never')
          )}
        </dd>
      </dl>
      <label className="check">
        <input
          type="checkbox"
          checked={job.enabled}
          disabled={update.isPending}
          onChange={(e) => toggle(e.target.checked)}
        />
        {t('admin.notify.enabled')}
      </label>
      <form className="form notify-cron" noValidate onSubmit={saveCron}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-cron`}>
            {t('admin.notify.cron')}
          </label>
          <input
            type="text"
            spellCheck={false}
            autoComplete="off"
            {...describedBy(`${id}-cron`, cronError ?? undefined, true)}
            value={cron}
            onChange={(e) => {
              setCronError(null);
              setCron(e.target.value);
            }}
          />
          <span id={`${id}-cron-hint`} className="field__hint">
            {t('admin.notify.cronHint')}
          </span>
          <FieldMessage id={`${id}-cron`} error={cronError ?? undefined} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('admin.notify.saveCron')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={run.isPending}
            aria-label={t('admin.notify.runNowLabel', { title: job.title })}
            onClick={runNow}
          >
            {t('admin.notify.runNow')}
          </button>
        </div>
      </form>
      <div ref={noticeRef} role="status" tabIndex={-1} className="notify-result">
        {run.isPending ? <p>{t('admin.notify.running', { title: job.title })}</p> : notice && <p>{notice}</p>}
      </div>
    </section>
  );
}
