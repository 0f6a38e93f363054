import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/messages';
import { useTranslation } from '../../i18n/use-translation';
import { PageHeader } from '../../ui/page-header';
import { RequireSession } from '../../ui/require-session';
import { useDocumentTitle } from '../../ui/use-document-title';
import { AuditPanel } from './audit-panel';
import { CatalogImportPanel } from './catalog-import-panel';
import { DivisionImportPanel } from './division-import-panel';
import { NotifyPanel } from './notify-panel';
import { PlansPanel } from './plans-panel';
import { RegistryPanel } from './registry-panel';
import { TargetsPanel } from './targets-panel';
import { UsersPanel } from './users-panel';
import '../../ui/forms.css';
import './admin.css';

const TABS = ['users', 'targets', 'plans', 'registry', 'division', 'catalog', 'notify', 'audit'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = {
  users: 'admin.users',
  targets: 'admin.targets',
  plans: 'admin.review.planSettings',
  registry: 'admin.registryTab',
  division: 'admin.divisionTab',
  catalog: 'admin.catalog',
  notify: 'admin.notify.tab',
  audit: 'admin.audit',
} as const satisfies Record<Tab, MessageKey>;

/**
 * Users, the target catalog and its division of tasks, the plans' review setting, the department
 * registry, plan import, notifications and scheduled jobs, and the audit log; the tab is in the URL (`?tab=audit`).
 */
export function AdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.docTitle'), t('app.title'));
  const [params] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'users';
  return (
    <div className="stack">
      <PageHeader title={t('admin.title')} />
      <RequireSession roles={['admin']}>
        {() => (
          <>
            <nav aria-label={t('admin.tabs')} className="admin-tabs">
              {TABS.map((k) => (
                <Link key={k} to={`?tab=${k}`} aria-current={k === tab ? 'page' : undefined}>
                  {t(TAB_LABELS[k])}
                </Link>
              ))}
            </nav>
            {tab === 'users' && <UsersPanel />}
            {tab === 'targets' && <TargetsPanel />}
            {tab === 'plans' && <PlansPanel />}
            {tab === 'registry' && <RegistryPanel />}
            {tab === 'division' && <DivisionImportPanel />}
            {tab === 'catalog' && <CatalogImportPanel />}
            {tab === 'notify' && <NotifyPanel />}
            {tab === 'audit' && <AuditPanel />}
          </>
        )}
      </RequireSession>
    </div>
  );
}
