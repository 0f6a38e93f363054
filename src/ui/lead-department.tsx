import { Link } from 'react-router';
import { paths } from '../domain/paths';
import type { Target } from '../domain/schemas';
import { type TFunction, useTranslation } from '../i18n/use-translation';

type Division = Pick<Target, 'department' | 'departmentName' | 'divisionDemo'>;
/** What the department's link carries along: the as-of date and the "含待审核" switch. */
type Carried = { asOf?: string | undefined; includePending?: true | undefined };

/** "演示分工": the lead and supporting departments shown beside it are the demo division of tasks. */
export function DivisionDemoTag() {
  const { t } = useTranslation();
  return (
    <abbr className="demo-tag" title={t('demo.divisionLabel')}>
      {t('demo.division')}
    </abbr>
  );
}

/**
 * A target's lead department (牵头部门) by name, linking to the department's page, marked 演示分工
 * where the assignment is the demo division of tasks. Nothing when no lead is named.
 */
export function LeadDepartment({ target, asOf, includePending }: { target: Division } & Carried) {
  if (target.department === null) return null;
  return (
    <>
      <Link className="lead-department" to={paths.department(target.department, { asOf, includePending })}>
        {target.departmentName ?? target.department}
      </Link>
      {target.divisionDemo && <DivisionDemoTag />}
    </>
  );
}

/** `· 市工业和信息化局` after a target's other facts in a one-line meta text, or nothing. */
export function LeadDepartmentMeta({ target, asOf, includePending }: { target: Division } & Carried) {
  if (target.department === null) return null;
  return (
    <>
      {' · '}
      <LeadDepartment target={target} asOf={asOf} includePending={includePending} />
    </>
  );
}

/**
 * The lead department as plain text, for places a link would be wrong (the wall): "市工业和信息化局（演示分工）".
 * Null when no lead is named.
 */
export function leadDepartmentText(target: Division, t: TFunction): string | null {
  if (target.department === null) return null;
  const name = target.departmentName ?? target.department;
  return target.divisionDemo ? t('demo.divisionAfter', { name }) : name;
}
