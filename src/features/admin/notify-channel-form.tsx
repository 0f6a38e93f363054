import { type FormEvent, type ReactNode, useState } from 'react';
import {
  CHANNEL_AUDIENCES,
  CHANNEL_KINDS,
  type Channel,
  type ChannelInput,
  type ChannelKind,
  channelInputSchema,
} from '../../domain/notify-api';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, ErrorSummary, FieldMessage, useErrorSummaryFocus } from '../../ui/form-errors';
import { useCreateChannel, useUpdateChannel } from './api/notify';
import { DepartmentPicker } from './department-picker';
import { FormActions } from './form-feedback';
import { useFieldErrors } from './form-state';
import { blank, bodyOf, type Draft, draftOf, type TextKey } from './notify-channel-draft';

/**
 * A channel's settings, the fields following its kind: a robot's or webhook's address (with
 * DingTalk's signing secret), or an SMTP server with its sender and recipients. Secrets are written,
 * never shown: a stored one says 已设置，留空则不变.
 */
export function ChannelForm({
  channel,
  onDone,
}: {
  /** The channel edited; none: a new one. */
  channel?: Channel | undefined;
  /** After a save, with what to say (focus goes there). */
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const [draft, setDraft] = useState<Draft>(() => (channel ? draftOf(channel) : blank));
  const p = channel ? 'edit-channel' : 'new-channel';
  const f = useFieldErrors(p, {
    kind: t('admin.notify.kind'),
    name: t('admin.notify.name'),
    audience: t('admin.notify.audience'),
    department: t('admin.notify.department'),
    url: t('admin.notify.url'),
    secret: t('admin.notify.dingSecret'),
    host: t('admin.notify.host'),
    port: t('admin.notify.port'),
    user: t('admin.notify.user'),
    pass: t('admin.notify.pass'),
    from: t('admin.notify.from'),
    to: t('admin.notify.to'),
  });
  const failureText = useFailureText();
  const { ref: summaryRef, focusSummary } = useErrorSummaryFocus();
  const pending = create.isPending || update.isPending;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    f.clear(k);
    setDraft((s) => ({ ...s, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(draft);
    // Editing a robot: an address left empty keeps the stored one (its key is in it), so it is
    // checked with a stand-in and sent without.
    const keepUrl = Boolean(channel) && draft.kind !== 'email' && !draft.url.trim();
    const { url: _kept, ...withoutUrl } = body as { url?: string };
    const checked = keepUrl ? { ...body, url: 'https://kept.invalid/' } : body;
    if (!f.validate(channelInputSchema, checked)) {
      focusSummary();
      return;
    }
    if (draft.audience === 'department' && !draft.department) {
      f.set('department', { message: t('admin.notify.departmentRequired') });
      focusSummary();
      return;
    }
    const onError = (err: unknown) => {
      f.fromServer(err);
      focusSummary();
    };
    if (channel)
      update.mutate(
        { id: channel.id, body: (keepUrl ? withoutUrl : body) as ChannelInput },
        { onSuccess: (res) => onDone(t('admin.notify.saved', { name: res.item.name })), onError },
      );
    else
      create.mutate(body as ChannelInput, {
        onSuccess: (res) => {
          setDraft(blank);
          onDone(t('admin.notify.created', { name: res.item.name }));
        },
        onError,
      });
  };
  const text = (k: TextKey, label: string, opts: { hint?: string | undefined; type?: string; area?: boolean } = {}) => {
    const id = `${p}-${k}`;
    const props = {
      ...describedBy(id, f.error(k), Boolean(opts.hint)),
      value: draft[k],
      onChange: (e: { target: { value: string } }) => set(k, e.target.value),
    };
    return (
      <Field id={id} label={label} hint={opts.hint} error={f.error(k)}>
        {opts.area ? (
          <textarea rows={3} {...props} />
        ) : (
          <input
            type={opts.type ?? 'text'}
            autoComplete={opts.type === 'password' ? 'new-password' : 'off'}
            spellCheck={false}
            {...props}
          />
        )}
      </Field>
    );
  };
  const kept = (hint: string) => (channel?.hasSecret ? t('admin.notify.secretKeep') : hint);
  const title = channel ? t('admin.notify.editChannel', { name: channel.name }) : t('admin.notify.newChannel');
  return (
    <section className="card" aria-labelledby={`${p}-title`}>
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={`${p}-title`} className="card__title">
          {title}
        </h2>
        <ErrorSummary
          ref={summaryRef}
          title={t('report.errorSummary', { count: f.summary.length })}
          errors={f.summary}
        />
        {f.failure && !f.summary.length && (
          <div className="form-alert" role="alert">
            {failureText(f.failure)}
          </div>
        )}
        <Field id={`${p}-kind`} label={t('admin.notify.kind')} hint={channel ? t('admin.notify.kindFixed') : undefined}>
          <select
            {...describedBy(`${p}-kind`, undefined, Boolean(channel))}
            value={draft.kind}
            disabled={Boolean(channel)}
            onChange={(e) => set('kind', e.target.value as ChannelKind)}
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.notify.kindName.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('name', t('admin.notify.name'))}
        <Field id={`${p}-audience`} label={t('admin.notify.audience')} hint={t('admin.notify.audienceHint')}>
          <select
            {...describedBy(`${p}-audience`, f.error('audience'), true)}
            value={draft.audience}
            onChange={(e) => set('audience', e.target.value as Draft['audience'])}
          >
            {CHANNEL_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`admin.notify.audienceName.${a}`)}
              </option>
            ))}
          </select>
        </Field>
        {draft.audience === 'department' && (
          <DepartmentPicker
            mode="single"
            id={`${p}-department`}
            label={t('admin.notify.department')}
            value={draft.department}
            error={f.error('department')}
            onChange={(id) => set('department', id)}
          />
        )}
        {draft.kind !== 'email' ? (
          <>
            {text('url', t('admin.notify.url'), {
              hint: channel
                ? `${t(`admin.notify.urlHint.${draft.kind}`)} ${t('admin.notify.urlAgain', { target: channel.target })}`
                : t(`admin.notify.urlHint.${draft.kind}`),
            })}
            {draft.kind === 'dingtalk' &&
              text('secret', t('admin.notify.dingSecret'), {
                hint: kept(t('admin.notify.dingSecretHint')),
                type: 'password',
              })}
          </>
        ) : (
          <>
            {text('host', t('admin.notify.host'))}
            {text('port', t('admin.notify.port'), { hint: t('admin.notify.portHint') })}
            <label className="check">
              <input type="checkbox" checked={draft.secure} onChange={(e) => set('secure', e.target.checked)} />
              {t('admin.notify.secure')}
            </label>
            {text('user', t('admin.notify.user'), { hint: t('admin.notify.passHint') })}
            {text('pass', t('admin.notify.pass'), { hint: kept(t('admin.notify.passHint')), type: 'password' })}
            {text('from', t('admin.notify.from'))}
            {text('to', t('admin.notify.to'), { hint: t('admin.notify.toHint'), area: true })}
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('admin.notify.enabled')}
        </label>
        <FormActions
          submitLabel={channel ? t('admin.save') : t('admin.notify.create')}
          pending={pending}
          onCancel={channel ? () => onDone(null) : undefined}
        />
      </form>
    </section>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <FieldMessage id={id} error={error} />
    </div>
  );
}
