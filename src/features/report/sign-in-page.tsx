import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { useSession, useSignIn } from '../../api/session';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, ErrorSummary, type FieldError, FieldMessage, useErrorSummaryFocus } from '../../ui/form-errors';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import '../../ui/forms.css';
import './report.css';
import { paths } from '../../domain/paths';

/** Only paths of this app: `?next=https://evil.example` must not become an open redirect. */
function safeNext(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') ? raw : paths.report();
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('report.signInTitle'), t('app.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summary = useErrorSummaryFocus();
  const failureText = useFailureText();

  if (session.data?.user) return <Navigate replace to={next} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim())
      found.push({ id: 'sign-in-username', label: t('report.username'), message: t('report.requireUsername') });
    if (!password)
      found.push({ id: 'sign-in-password', label: t('report.password'), message: t('report.requirePassword') });
    setErrors(found);
    if (found.length) {
      summary.focusSummary();
      return;
    }
    signIn.mutate({ username: username.trim(), password });
  };
  const fieldError = (id: string) => errors.find((e) => e.id === id)?.message;
  const failure = signIn.error;

  return (
    <div className="stack sign-in">
      <PageHeader title={t('report.signInTitle')} />
      <form className="card form" noValidate onSubmit={submit} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading" className="visually-hidden">
          {t('report.signInTitle')}
        </h2>
        <p className="muted">{t('report.signInHint')}</p>
        <ErrorSummary ref={summary.ref} title={t('report.errorSummary', { count: errors.length })} errors={errors} />
        {failure && (
          <div className="form-alert" role="alert">
            {!isApiError(failure)
              ? String(failure)
              : failure.problem?.code === 'bad_credentials'
                ? t('report.badCredentials')
                : failureText(failure)}
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor="sign-in-username">
            {t('report.username')}
          </label>
          <input
            {...describedBy('sign-in-username', fieldError('sign-in-username'))}
            type="text"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <FieldMessage id="sign-in-username" error={fieldError('sign-in-username')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="sign-in-password">
            {t('report.password')}
          </label>
          <input
            {...describedBy('sign-in-password', fieldError('sign-in-password'))}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FieldMessage id="sign-in-password" error={fieldError('sign-in-password')} />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('report.signingIn') : t('report.submitSignIn')}
          </button>
        </div>
      </form>
    </div>
  );
}
