import { Hono } from 'hono';
import { shanghaiDate } from '../../src/domain/dates';
import { parseQuery, unknownValue } from '../../src/domain/query';
import {
  supervisionCreateSchema,
  supervisionPatchSchema,
  supervisionQuerySchema,
} from '../../src/domain/supervision-api';
import { zhIssueText } from '../../src/i18n/validation';
import { problem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  fieldIssue,
  forbidden,
  readJson,
  role,
  unauthenticated,
  type WriteDeps,
} from '../http/session';
import {
  createSupervision,
  listSupervision,
  type SupervisionRefusal,
  updateSupervision,
} from '../services/supervision-service';

const FIELD_NAMES_ZH: Record<string, string> = {
  title: '督办事项',
  leadDepartment: '牵头单位',
  supportingDepartments: '配合单位',
  dueDate: '办结期限',
  targetId: '目标',
  meetingDate: '会议日期',
  progress: '办理进展',
  evidenceUrl: '佐证链接',
  note: '办结说明',
  status: '状态',
};

/** 督办事项 (issue 24): GET/POST /supervision, PATCH /supervision/:id. */
export function supervisionRoutes(deps: WriteDeps) {
  const { db, now } = deps;
  const r = new Hono<AccountsEnv>();

  const refused = (c: Ctx, f: SupervisionRefusal) => {
    if (f.status === 400) {
      const errors = (f.errors ?? []).map((e) => {
        const issue = fieldIssue(e);
        const label = FIELD_NAMES_ZH[e.field.split('.')[0] ?? ''];
        return label ? { ...issue, message: `${label}：${issue.message}` } : issue;
      });
      const detail = f.detail || errors.map((e) => e.message).join('；') || zhIssueText({ code: f.code });
      return problem(c, { status: 400, title: '提交的内容有误', detail, code: f.code, errors });
    }
    return problem(c, {
      status: f.status,
      title: f.status === 404 ? '未找到' : f.status === 409 ? '状态冲突' : '无权操作',
      detail: f.detail,
      code: f.code,
      ...(f.params ? { params: f.params } : {}),
    });
  };

  // Reading is gated by the write API's middleware (open unless READ_ACCESS=signed-in).
  r.get('/supervision', async (c) => {
    const parsed = parseQuery(supervisionQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const { mine, ...q } = parsed.value;
    // A filter naming nothing must not answer an empty list that looks like all-clear.
    if (q.department) {
      const known = await db.selectFrom('departments').select('id').orderBy('sort_order').execute();
      if (!known.some((d) => d.id === q.department))
        return problem(
          c,
          unknownValue(
            'department',
            q.department,
            known.map((d) => d.id),
          ),
        );
    }
    if (q.plan) {
      const plans = await db.selectFrom('plans').select('id').orderBy('id').execute();
      if (!plans.some((p) => p.id === q.plan))
        return problem(
          c,
          unknownValue(
            'plan',
            q.plan,
            plans.map((p) => p.id),
          ),
        );
    }
    let departments: readonly string[] | undefined;
    if (mine) {
      const session = await c.get('session')();
      if (!session) return unauthenticated(c);
      departments = session.user.departments;
    }
    const list = await listSupervision(db, { ...q, ...(departments ? { departments } : {}) }, shanghaiDate(now()));
    return c.json(list);
  });

  r.post('/supervision', role('any'), async (c) => {
    const s = c.get('signedIn');
    if (s.user.role !== 'reviewer' && s.user.role !== 'admin')
      return forbidden(c, '只有目标办（审核员或管理员）可以新建督办事项', 'supervision_create_office_only');
    const body = await readJson(c, supervisionCreateSchema);
    if (!body.ok) return body.response;
    const out = await createSupervision(db, body.value, s.user, actorOf(c, s.user), now());
    return out.ok ? c.json({ item: out.item }, 201) : refused(c, out.refusal);
  });

  r.patch('/supervision/:id', role('any'), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, supervisionPatchSchema);
    if (!body.ok) return body.response;
    const out = await updateSupervision(db, c.req.param('id'), body.value, s.user, actorOf(c, s.user), now());
    return out.ok ? c.json({ item: out.item }) : refused(c, out.refusal);
  });

  return r;
}
