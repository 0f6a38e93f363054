import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { Channel, Delivery } from '../../domain/notify-api';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { useChannels, useDeleteChannel, useTestChannel } from './api/notify';
import { ChannelForm } from './notify-channel-form';
import { useWhen } from './notify-words';

type TestResult = { channel: string; ok: boolean; text: string };

/**
 * 通知通道: every channel (NOTIFY_WEBHOOK_URL's read-only), with its kind and audience in words,
 * where it sends (secrets removed) and whether a secret is set; add, edit, delete (after a
 * confirmation) and 发送测试消息, whose result shows under the list.
 */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const channels = useChannels();
  const remove = useDeleteChannel();
  const test = useTestChannel();
  const failureText = useFailureText();
  const when = useWhen();
  const [editing, setEditing] = useState<Channel | null>(null);
  const [deleting, setDeleting] = useState<Channel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const [focusNotice, setFocusNotice] = useState(0);
  useEffect(() => {
    if (focusNotice > 0) noticeRef.current?.focus();
  }, [focusNotice]);
  useEffect(() => {
    if (deleting) confirmRef.current?.focus();
  }, [deleting]);
  const say = (text: string | null) => {
    setNotice(text);
    setResult(null);
    setFocusNotice((n) => n + 1);
  };
  const outcome = (c: Channel, d: Delivery): TestResult =>
    d.state === 'sent'
      ? { channel: c.id, ok: true, text: t('admin.notify.testOk', { name: c.name }) }
      : {
          channel: c.id,
          ok: false,
          text:
            t('admin.notify.testFailed', { name: c.name, reason: d.lastError ?? t('admin.notify.unknownReason') }) +
            (d.state === 'pending' && d.nextAttemptAt
              ? t('admin.notify.testRetry', { time: when(d.nextAttemptAt) })
              : ''),
        };
  const sendTest = (c: Channel) => {
    setNotice(null);
    setResult(null);
    test.mutate(c.id, {
      onSuccess: (d) => {
        setResult(outcome(c, d));
        setFocusNotice((n) => n + 1);
      },
      onError: (err) => {
        setResult({
          channel: c.id,
          ok: false,
          text: t('admin.notify.testFailed', {
            name: c.name,
            reason: isApiError(err) ? failureText(err) : String(err),
          }),
        });
        setFocusNotice((n) => n + 1);
      },
    });
  };
  const confirmDelete = (c: Channel) =>
    remove.mutate(c.id, {
      onSuccess: () => {
        setDeleting(null);
        if (editing?.id === c.id) setEditing(null);
        say(t('admin.notify.deleted', { name: c.name }));
      },
    });
  return (
    <div className="admin-grid">
      <section className="card stack" aria-labelledby="channels-title">
        <h2 id="channels-title" className="card__title">
          {t('admin.notify.channels')}
        </h2>
        <p className="muted small">{t('admin.notify.channelsHint')}</p>
        {remove.isError && (
          <div className="form-alert" role="alert">
            {isApiError(remove.error) ? failureText(remove.error) : String(remove.error)}
          </div>
        )}
        <div ref={noticeRef} role="status" tabIndex={-1} className="notify-result">
          {test.isPending && test.variables !== undefined ? (
            <p>
              {t('admin.notify.testing', {
                name: channels.data?.items.find((c) => c.id === test.variables)?.name ?? '',
              })}
            </p>
          ) : result ? (
            <p className={`form-notice ${result.ok ? 'form-notice--ok' : 'notify-failed'}`}>
              <span aria-hidden="true">{result.ok ? '✓ ' : '✕ '}</span>
              {result.text}
            </p>
          ) : (
            notice && <p className="form-notice form-notice--ok">{notice}</p>
          )}
        </div>
        {deleting && (
          <fieldset ref={confirmRef} className="admin-confirm" tabIndex={-1}>
            <legend>{t('admin.notify.deleteTitle', { name: deleting.name })}</legend>
            <p>{t('admin.notify.deleteConfirm', { name: deleting.name })}</p>
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={remove.isPending}
                onClick={() => confirmDelete(deleting)}
              >
                {t('admin.notify.deleteButton')}
              </button>
              <button type="button" className="button" onClick={() => setDeleting(null)}>
                {t('admin.cancel')}
              </button>
            </div>
          </fieldset>
        )}
        <QueryState query={channels} label={t('freshness.loading')}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="muted">{t('admin.notify.noChannels')}</p>
            ) : (
              <ScrollRegion label={t('admin.notify.channelList')}>
                <table className="table notify-table">
                  <caption className="visually-hidden">{t('admin.notify.channelList')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.notify.name')}</th>
                      <th scope="col">{t('admin.notify.kind')}</th>
                      <th scope="col">{t('admin.notify.audience')}</th>
                      <th scope="col">{t('admin.notify.target')}</th>
                      <th scope="col">{t('admin.notify.secret')}</th>
                      <th scope="col">{t('admin.notify.state')}</th>
                      <th scope="col">{t('admin.notify.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((c) => (
                      <ChannelRow
                        key={c.id}
                        channel={c}
                        testing={test.isPending}
                        onEdit={() => {
                          setDeleting(null);
                          setEditing(c);
                        }}
                        onDelete={() => setDeleting(c)}
                        onTest={() => sendTest(c)}
                      />
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )
          }
        </QueryState>
      </section>
      <div className="stack">
        {editing ? (
          <ChannelForm
            key={editing.id}
            channel={editing}
            onDone={(message) => {
              setEditing(null);
              if (message) say(message);
            }}
          />
        ) : (
          <ChannelForm key="new" onDone={say} />
        )}
      </div>
    </div>
  );
}

function ChannelRow({
  channel: c,
  testing,
  onEdit,
  onDelete,
  onTest,
}: {
  channel: Channel;
  testing: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onTest: () => void;
}) {
  const { t } = useTranslation();
  const env = c.source === 'env';
  return (
    <tr>
      <th scope="row">
        {c.name}
        {env && <span className="muted small notify-block">{t('admin.notify.sourceEnv')}</span>}
      </th>
      <td>{t(`admin.notify.kindName.${c.kind}`)}</td>
      <td>
        {c.audience === 'department'
          ? t('admin.notify.audienceDepartment', { name: c.departmentName ?? c.department ?? '—' })
          : t(`admin.notify.audienceName.${c.audience}`)}
      </td>
      <td className="small notify-target">{c.target}</td>
      <td className="nowrap">{c.hasSecret ? t('admin.notify.secretSet') : t('admin.notify.secretUnset')}</td>
      <td className="nowrap admin-status" data-disabled={!c.enabled}>
        <span aria-hidden="true">{c.enabled ? '✓ ' : '✕ '}</span>
        {c.enabled ? t('admin.notify.on') : t('admin.notify.off')}
      </td>
      <td>
        <div className="admin-row-actions">
          <button
            type="button"
            className="button button--small"
            disabled={testing}
            aria-label={t('admin.notify.testLabel', { name: c.name })}
            onClick={onTest}
          >
            {t('admin.notify.test')}
          </button>
          {!env && (
            <>
              <button
                type="button"
                className="button button--small"
                aria-label={t('admin.notify.editLabel', { name: c.name })}
                onClick={onEdit}
              >
                {t('admin.notify.edit')}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-label={t('admin.notify.deleteLabel', { name: c.name })}
                onClick={onDelete}
              >
                {t('admin.notify.delete')}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
