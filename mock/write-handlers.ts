import { HttpResponse, http } from 'msw';
import { normalizeText, parseDateText, parseNumberText } from '../src/domain/cells';
import { shanghaiDate } from '../src/domain/dates';
import { effectiveReports } from '../src/domain/reports';
import { DEFAULT_THRESHOLDS, type ProgressReport, type Target } from '../src/domain/schemas';
import { STATUS_SEVERITY } from '../src/domain/status';
import { groupReports, withStates } from '../src/domain/views';
import {
  type AuditEntry,
  type CellIssue,
  cellMessage,
  checkReport,
  correctionInputSchema,
  createUserRequestSchema,
  dueness,
  type ImportResponse,
  type ImportRow,
  previewState,
  type ReportInput,
  reportInputSchema,
  type SessionResponse,
  signInRequestSchema,
  targetCreateSchema,
  targetPatchSchema,
  type User,
  updateUserRequestSchema,
  weekStart,
} from '../src/domain/write-api';
import type { MockApi } from './handlers';

/**
 * MSW handlers for the write side of `/api/v1` (issue 7): sign-in, reports, corrections, CSV
 * import and the admin endpoints, answering through the same domain checks as the server
 * (`checkReport`, `previewState`, `dueness`). One session at a time (the mock has no cookies to
 * tell people apart); writes must carry its CSRF token, as on the server.
 */
export const MOCK_CSRF = 'mock-csrf-token';
export const MOCK_PASSWORD = 'mock password 123';
export const MOCK_DEPARTMENT = '市工业和信息化局';

export type WriteFailure = 'none' | 'network-error' | 'server-error';

export interface WriteMockApi {
  handlers: ReturnType<typeof http.get>[];
  /** Signs a mock user in (or out with null) without going through the form. */
  signInAs(username: string | null): void;
  setWriteFailure(mode: WriteFailure): void;
  /** Puts the dataset and the accounts back as they were. */
  reset(): void;
  readonly reportsWritten: readonly ProgressReport[];
}

interface Account {
  user: User;
  password: string;
}

const problem = (status: number, p: Record<string, unknown>) =>
  HttpResponse.json(
    { type: 'about:blank', status, title: String(p.title ?? '错误'), ...p },
    { status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
  );

const initialAccounts = (now: Date): Account[] => [
  {
    user: {
      id: 'u-admin',
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      departments: [],
      disabled: false,
      createdAt: now.toISOString(),
    },
    password: MOCK_PASSWORD,
  },
  {
    user: {
      id: 'u-rep',
      username: 'rep',
      displayName: '填报员甲',
      role: 'reporter',
      departments: [MOCK_DEPARTMENT],
      disabled: false,
      createdAt: now.toISOString(),
    },
    password: MOCK_PASSWORD,
  },
  {
    user: {
      id: 'u-viewer',
      username: 'viewer',
      displayName: '查看者',
      role: 'viewer',
      departments: [],
      disabled: false,
      createdAt: now.toISOString(),
    },
    password: MOCK_PASSWORD,
  },
];

const IMPORT_HEADERS: Record<string, string[]> = {
  targetId: ['目标编号', '编号'],
  value: ['本期数值', '数值'],
  unit: ['数值单位'],
  asOf: ['截至日期', '日期'],
  note: ['说明', '备注'],
  evidence: ['佐证链接', '佐证'],
  reason: ['原因', '确认理由', '更正原因'],
};
const COLUMN_LABEL: Record<string, string> = {
  targetId: '目标编号',
  value: '本期数值',
  unit: '数值单位',
  asOf: '截至日期',
  stagesDone: '本期数值',
  note: '说明',
  evidence: '佐证链接',
  confirmReason: '原因',
  reason: '原因',
};

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function createWriteMockApi(read: MockApi, options: { now?: () => Date; baseUrl?: string } = {}): WriteMockApi {
  const now = options.now ?? (() => new Date());
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const data = read.dataset;
  const reports = data.reports as ProgressReport[];
  const targets = data.targets as Target[];
  const initialReportCount = reports.length;
  const initialTargets = targets.map((t) => ({ ...t }));
  let accounts = initialAccounts(now());
  let current: string | null = null;
  let failure: WriteFailure = 'none';
  let written: ProgressReport[] = [];
  let audit: AuditEntry[] = [];
  let seq = 0;

  const me = (): User | null => accounts.find((a) => a.user.id === current && !a.user.disabled)?.user ?? null;
  const session = (): SessionResponse => {
    const user = me();
    return { user, csrfToken: user ? MOCK_CSRF : null, readAccess: 'open' };
  };
  const log = (action: string, entity: string, entityId: string | null, before: unknown, after: unknown) => {
    audit.unshift({
      id: audit.length + 1,
      at: now().toISOString(),
      actor: me()?.username ?? null,
      ip: '127.0.0.1',
      action,
      entity,
      entityId,
      before,
      after,
    });
  };

  /** The write gate: failure mode, a session, the CSRF token, the role. */
  function gate(request: Request, roles: readonly User['role'][]): Response | User {
    if (failure === 'network-error') return HttpResponse.error();
    if (failure === 'server-error') return problem(500, { title: '服务器内部错误', detail: '模拟的服务器错误' });
    const user = me();
    if (!user) return problem(401, { title: '未登录', detail: '请先登录', code: 'unauthenticated' });
    if (request.method !== 'GET' && request.headers.get('x-csrf-token') !== MOCK_CSRF)
      return problem(403, {
        title: '无权操作',
        detail: '请求缺少有效的安全令牌（CSRF），请刷新页面后重试',
        code: 'csrf',
      });
    if (!roles.includes(user.role))
      return problem(403, {
        title: '无权操作',
        detail: roles.includes('reporter') ? '只有填报员或管理员可以执行此操作' : '只有管理员可以执行此操作',
        code: 'forbidden',
      });
    return user;
  }
  const canWrite = (u: User, t: Target) =>
    u.role === 'admin' || (u.role === 'reporter' && t.department !== null && u.departments.includes(t.department));
  const historyOf = (id: string) => reports.filter((r) => r.targetId === id);
  const thresholdsOf = (t: Target) => data.plans.find((p) => p.id === t.planId)?.thresholds ?? DEFAULT_THRESHOLDS;

  type Outcome =
    | { kind: 'ok'; report: ProgressReport; unchanged: boolean }
    | { kind: 'problem'; response: Response; detail: string };

  function writeReport(
    user: User,
    target: Target,
    input: ReportInput & { reason?: string },
    supersedes: ProgressReport | null,
    dryRun: boolean,
  ): Outcome {
    const history = historyOf(target.id);
    const draft = {
      asOf: input.asOf,
      value: input.value ?? null,
      unit: input.unit ?? '',
      stagesDone: input.stagesDone ?? null,
    };
    const check = checkReport(target, history, draft, shanghaiDate(now()), supersedes?.id);
    if (check.errors.length)
      return {
        kind: 'problem',
        detail: check.errors.map((e) => e.message).join('；'),
        response: problem(422, {
          title: '提交的内容有误',
          detail: check.errors.map((e) => e.message).join('；'),
          code: 'invalid_report',
          errors: check.errors,
        }),
      };
    if (supersedes) {
      const by = history.find((r) => r.supersedes === supersedes.id);
      if (by)
        return {
          kind: 'problem',
          detail: '该填报已被他人更正',
          response: problem(409, {
            title: '填报冲突',
            detail: `该填报已被 ${by.reportedBy} 更正，请刷新后在最新版本上更正`,
            code: 'already_corrected',
            reportId: by.id,
          }),
        };
    }
    const report: ProgressReport = {
      id: `mock-report-${++seq}`,
      targetId: target.id,
      asOf: input.asOf,
      recordedAt: now().toISOString(),
      value: target.kind === 'milestone' ? null : draft.value,
      unit: draft.unit || target.unit,
      stagesDone: target.kind === 'milestone' ? draft.stagesDone : null,
      note:
        check.confirmations.length && input.confirmReason
          ? `${input.note ?? ''}${input.note ? '\n' : ''}【确认】${input.confirmReason}`
          : (input.note ?? ''),
      evidence: input.evidence || null,
      source: null,
      reportedBy: user.username,
      supersedes: supersedes?.id ?? null,
      correctionReason: supersedes ? (input.reason ?? null) : null,
      demo: false,
    };
    const sameDate = effectiveReports(history).find((r) => r.asOf === input.asOf && r.id !== supersedes?.id);
    if (sameDate) {
      if (!supersedes && sameDate.value === report.value && sameDate.stagesDone === report.stagesDone)
        return { kind: 'ok', report: sameDate, unchanged: true };
      return {
        kind: 'problem',
        detail: `截至 ${input.asOf} 已有不同的填报，如需修改请填写“原因”作为更正`,
        response: problem(409, {
          title: '填报冲突',
          detail: `该目标截至 ${input.asOf} 已有填报（${sameDate.value ?? `${sameDate.stagesDone} 个阶段`}${sameDate.value !== null ? sameDate.unit : ''}，${sameDate.reportedBy}），如需修改请更正该条填报`,
          code: 'exists_same_date',
          reportId: sameDate.id,
        }),
      };
    }
    if (check.confirmations.length && !input.confirmReason)
      return {
        kind: 'problem',
        detail: `${check.confirmations.map((x) => x.message).join('；')}，请在“原因”列说明`,
        response: problem(422, {
          title: '需要确认',
          detail: `${check.confirmations.map((x) => x.message).join('；')}。如确认无误，请填写确认理由后再提交`,
          code: 'confirmation_required',
          confirmations: check.confirmations,
          errors: [{ field: 'confirmReason', message: '请填写确认理由' }],
        }),
      };
    if (!dryRun) {
      reports.push(report);
      written.push(report);
      log(supersedes ? 'report.correct' : 'report.create', 'report', report.id, supersedes, report);
    }
    return { kind: 'ok', report, unchanged: false };
  }

  const reportBody = (target: Target, o: Extract<Outcome, { kind: 'ok' }>, dryRun: boolean) => ({
    item: o.report,
    state: previewState(
      target,
      historyOf(target.id).filter((r) => r.id !== o.report.id),
      o.report,
      thresholdsOf(target),
    ),
    dryRun,
    unchanged: o.unchanged,
  });

  async function readBody<T>(
    request: Request,
    schema: {
      safeParse: (
        v: unknown,
      ) =>
        | { success: true; data: T }
        | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
  ): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return { ok: false, response: problem(400, { title: '提交的内容有误', detail: '请求体不是有效的 JSON' }) };
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    return {
      ok: false,
      response: problem(400, {
        title: '提交的内容有误',
        detail: errors.map((e) => e.message).join('；'),
        code: 'invalid',
        errors,
      }),
    };
  }

  function importCsv(user: User, fileName: string, text: string, mode: 'dry-run' | 'commit'): Response {
    const grid = parseCsv(text);
    const headerIndex = grid.findIndex((r) => r.some((c) => IMPORT_HEADERS.targetId?.includes(normalizeText(c))));
    if (headerIndex < 0)
      return problem(422, {
        title: '文件无法导入',
        detail: '没有找到表头：表格中应有“目标编号”“本期数值”“截至日期”等列（请使用下载的模板）',
        code: 'bad_file',
      });
    const header = (grid[headerIndex] ?? []).map((c) => normalizeText(c));
    const col = (k: string) => header.findIndex((h) => IMPORT_HEADERS[k]?.includes(h));
    const rows: ImportRow[] = [];
    const pending: { target: Target; report: ProgressReport }[] = [];
    let forbidden = false;
    grid.slice(headerIndex + 1).forEach((cells, i) => {
      const row = headerIndex + i + 2;
      const cell = (k: string) => normalizeText(cells[col(k)] ?? '');
      if (cells.every((c) => c.trim() === '')) return;
      const issues: CellIssue[] = [];
      const fail = (k: string, message: string) => issues.push({ row, column: COLUMN_LABEL[k] ?? k, message });
      const id = cell('targetId');
      const target = targets.find((t) => t.id === id) ?? null;
      const base: ImportRow = {
        row,
        targetId: id || null,
        title: target?.title ?? null,
        status: 'new',
        asOf: null,
        value: null,
        unit: null,
        previewStatus: null,
        previewProgress: null,
        errors: issues,
      };
      if (cell('value') === '' && cell('asOf') === '') {
        rows.push({ ...base, status: 'skipped' });
        return;
      }
      if (!id) fail('targetId', '不能为空');
      else if (!target) fail('targetId', `目标“${id}”不存在`);
      else if (!canWrite(user, target)) {
        forbidden = true;
        fail('targetId', `无权填报目标“${target.title}”`);
      }
      const value = parseNumberText(cell('value'));
      if (!value.ok) fail('value', value.message);
      const asOf = parseDateText(cell('asOf'));
      if (!asOf.ok) fail('asOf', asOf.message);
      if (target && value.ok && asOf.ok && issues.length === 0) {
        const milestone = target.kind === 'milestone';
        const out = writeReport(
          user,
          target,
          {
            asOf: asOf.value,
            value: milestone ? null : value.value,
            unit: cell('unit') || undefined,
            stagesDone: milestone ? value.value : null,
            note: cell('note'),
            evidence: cell('evidence') || null,
            confirmReason: cell('reason') || undefined,
          },
          null,
          true,
        );
        base.asOf = asOf.value;
        base.value = value.value;
        base.unit = cell('unit') || target.unit;
        if (out.kind === 'ok') {
          const state = previewState(target, historyOf(target.id), out.report, thresholdsOf(target));
          base.status = out.unchanged ? 'unchanged' : 'new';
          base.previewStatus = state?.status ?? null;
          base.previewProgress = state?.progress ?? null;
          if (!out.unchanged) pending.push({ target, report: out.report });
        } else fail('value', out.detail);
      }
      if (issues.length) base.status = 'error';
      rows.push(base);
    });
    const counts = { rows: rows.length, new: 0, correction: 0, unchanged: 0, skipped: 0, error: 0 };
    for (const r of rows) counts[r.status]++;
    const body: ImportResponse = {
      mode,
      fileName,
      sha256: 'mock',
      committed: false,
      alreadyImported: false,
      importId: null,
      counts,
      messages: rows.flatMap((r) => r.errors.map(cellMessage)),
      rows,
    };
    if (mode === 'dry-run') return HttpResponse.json(body);
    if (forbidden || counts.error)
      return problem(forbidden ? 403 : 422, {
        title: '导入未完成',
        detail: `有 ${counts.error} 行存在错误，整个文件未导入：${body.messages.slice(0, 3).join('；')}`,
        code: forbidden ? 'forbidden' : 'import_invalid',
        result: body,
      });
    for (const p of pending) {
      reports.push(p.report);
      written.push(p.report);
    }
    log('import.commit', 'import', `mock-import-${seq}`, null, { fileName, reports: pending.length });
    return HttpResponse.json({ ...body, committed: true, importId: `mock-import-${seq}` }, { status: 201 });
  }

  const handlers = [
    http.get(`${base}/session`, () => HttpResponse.json(session())),
    http.post(`${base}/session`, async ({ request }) => {
      if (failure === 'network-error') return HttpResponse.error();
      const body = await readBody(request, signInRequestSchema);
      if (!body.ok) return body.response;
      if (body.value.username === 'locked')
        return problem(429, {
          title: '尝试次数过多',
          detail: '登录尝试过于频繁，请 15 分钟后再试',
          code: 'rate_limited',
        });
      const account = accounts.find((a) => a.user.username === body.value.username.toLowerCase());
      if (!account || account.password !== body.value.password || account.user.disabled)
        return problem(401, { title: '登录失败', detail: '用户名或密码不正确', code: 'bad_credentials' });
      current = account.user.id;
      return HttpResponse.json(session());
    }),
    http.delete(`${base}/session`, () => {
      current = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/my/targets`, ({ request }) => {
      const user = gate(request, ['reporter', 'admin']);
      if (user instanceof Response) return user;
      const today = shanghaiDate(now());
      const mine = targets.filter(
        (t) => user.role === 'admin' || (t.department !== null && user.departments.includes(t.department)),
      );
      const byTarget = groupReports(reports);
      const items = withStates(mine, byTarget, data.plans, { asOf: today }).map((t) => {
        const eff = effectiveReports(byTarget.get(t.id) ?? []);
        const last = eff.reduce<ProgressReport | null>(
          (best, r) =>
            !best || r.asOf > best.asOf || (r.asOf === best.asOf && r.recordedAt >= best.recordedAt) ? r : best,
          null,
        );
        const cycle = data.plans.find((p) => p.id === t.planId)?.thresholds.cycleDays ?? DEFAULT_THRESHOLDS.cycleDays;
        return { ...t, lastReport: last, ...dueness(t, last, today, cycle) };
      });
      items.sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          Number(b.due) - Number(a.due) ||
          STATUS_SEVERITY[b.state.status] - STATUS_SEVERITY[a.state.status],
      );
      return HttpResponse.json({ today, weekStart: weekStart(today), items });
    }),
    http.post(`${base}/targets/:id/reports`, async ({ request, params }) => {
      const user = gate(request, ['reporter', 'admin', 'viewer']);
      if (user instanceof Response) return user;
      const target = targets.find((t) => t.id === String(params.id));
      if (!target) return problem(404, { title: '未找到', detail: `目标“${String(params.id)}”不存在` });
      if (!canWrite(user, target))
        return problem(403, { title: '无权操作', detail: `目标“${target.title}”不属于您的部门`, code: 'forbidden' });
      const body = await readBody(request, reportInputSchema);
      if (!body.ok) return body.response;
      const dryRun = body.value.dryRun === true;
      const out = writeReport(user, target, body.value, null, dryRun);
      if (out.kind === 'problem') return out.response;
      return HttpResponse.json(reportBody(target, out, dryRun), { status: dryRun || out.unchanged ? 200 : 201 });
    }),
    http.post(`${base}/reports/:id/corrections`, async ({ request, params }) => {
      const user = gate(request, ['reporter', 'admin', 'viewer']);
      if (user instanceof Response) return user;
      const original = reports.find((r) => r.id === String(params.id));
      if (!original) return problem(404, { title: '未找到', detail: `填报“${String(params.id)}”不存在` });
      const target = targets.find((t) => t.id === original.targetId);
      if (!target) return problem(404, { title: '未找到', detail: '目标不存在' });
      if (!canWrite(user, target))
        return problem(403, { title: '无权操作', detail: `目标“${target.title}”不属于您的部门`, code: 'forbidden' });
      const body = await readBody(request, correctionInputSchema);
      if (!body.ok) return body.response;
      const dryRun = body.value.dryRun === true;
      const out = writeReport(
        user,
        target,
        { ...body.value, asOf: body.value.asOf ?? original.asOf },
        original,
        dryRun,
      );
      if (out.kind === 'problem') return out.response;
      return HttpResponse.json(reportBody(target, out, dryRun), { status: dryRun ? 200 : 201 });
    }),
    http.get(`${base}/imports/template`, ({ request }) => {
      const user = gate(request, ['reporter', 'admin']);
      if (user instanceof Response) return user;
      const lines = [
        '目标编号,目标名称,牵头部门,单位,目标值,本期数值,数值单位,截至日期,说明,佐证链接,原因',
        ...targets
          .filter((t) => canWrite(user, t))
          .map((t) => [t.id, t.title, t.department ?? '', t.unit, t.target ?? '', '', '', '', '', '', ''].join(',')),
      ];
      return new HttpResponse(`\ufeff${lines.join('\r\n')}\r\n`, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="template.csv"`,
        },
      });
    }),
    http.post(`${base}/imports`, async ({ request }) => {
      const user = gate(request, ['reporter', 'admin']);
      if (user instanceof Response) return user;
      const mode = new URL(request.url).searchParams.get('mode') === 'commit' ? 'commit' : 'dry-run';
      const form = await request.formData();
      const file = form.get('file');
      if (!(file instanceof File)) return problem(400, { title: '提交的内容有误', detail: '请选择要上传的文件' });
      if (!/\.csv$/i.test(file.name))
        return problem(422, {
          title: '文件无法导入',
          detail: '演示模式只能导入 CSV 文件；Excel 文件请在完整部署中导入',
          code: 'bad_file',
        });
      return importCsv(user, file.name, await file.text(), mode);
    }),
    // ---- admin ----
    http.get(`${base}/admin/users`, ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      return HttpResponse.json({ items: accounts.map((a) => a.user) });
    }),
    http.post(`${base}/admin/users`, async ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const body = await readBody(request, createUserRequestSchema);
      if (!body.ok) return body.response;
      const username = body.value.username.toLowerCase();
      if (accounts.some((a) => a.user.username === username))
        return problem(409, { title: '用户名已存在', detail: `用户名“${username}”已存在`, code: 'username_taken' });
      const created: User = {
        id: `u-${++seq}`,
        username,
        displayName: body.value.displayName || username,
        role: body.value.role,
        departments: body.value.departments,
        disabled: false,
        createdAt: now().toISOString(),
      };
      accounts.push({ user: created, password: body.value.password });
      log('user.create', 'user', created.id, null, created);
      return HttpResponse.json({ item: created }, { status: 201 });
    }),
    http.patch(`${base}/admin/users/:id`, async ({ request, params }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const body = await readBody(request, updateUserRequestSchema);
      if (!body.ok) return body.response;
      const account = accounts.find((a) => a.user.id === String(params.id));
      if (!account) return problem(404, { title: '未找到', detail: '用户不存在' });
      const before = account.user;
      const { password, ...rest } = body.value;
      account.user = { ...before, ...rest };
      if (password) account.password = password;
      log('user.update', 'user', before.id, before, account.user);
      return HttpResponse.json({ item: account.user });
    }),
    http.get(`${base}/admin/departments`, ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const names = new Set<string>();
      for (const t of targets) if (t.department) names.add(t.department);
      for (const a of accounts) for (const d of a.user.departments) names.add(d);
      const items = [...names].sort().map((department) => ({
        department,
        targets: targets.filter((t) => t.department === department).length,
        users: accounts.filter((a) => a.user.departments.includes(department)).length,
      }));
      return HttpResponse.json({ items, unassignedTargets: targets.filter((t) => t.department === null).length });
    }),
    http.patch(`${base}/admin/targets/:id`, async ({ request, params }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const body = await readBody(request, targetPatchSchema);
      if (!body.ok) return body.response;
      const i = targets.findIndex((t) => t.id === String(params.id));
      const before = targets[i];
      if (!before) return problem(404, { title: '未找到', detail: `目标“${String(params.id)}”不存在` });
      const after: Target = { ...before, ...body.value, id: before.id };
      targets[i] = after;
      log('target.update', 'target', after.id, before, after);
      return HttpResponse.json({ item: after });
    }),
    http.post(`${base}/admin/targets`, async ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const body = await readBody(request, targetCreateSchema);
      if (!body.ok) return body.response;
      if (targets.some((t) => t.id === body.value.id))
        return problem(409, { title: '编号已存在', detail: `目标编号“${body.value.id}”已存在`, code: 'exists' });
      targets.push(body.value);
      log('target.create', 'target', body.value.id, null, body.value);
      return HttpResponse.json({ item: body.value }, { status: 201 });
    }),
    http.post(`${base}/admin/catalog-imports`, ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      return problem(501, {
        title: '演示模式不支持',
        detail: '演示模式不能导入规划目标表，请在完整部署中导入',
        code: 'not_implemented',
      });
    }),
    http.get(`${base}/admin/audit`, ({ request }) => {
      const user = gate(request, ['admin']);
      if (user instanceof Response) return user;
      const q = new URL(request.url).searchParams;
      const pageSize = Number(q.get('pageSize') ?? 100);
      const page = Number(q.get('page') ?? 1);
      const list = audit.filter(
        (e) =>
          (!q.get('actor') || e.actor === q.get('actor')) &&
          (!q.get('action') || e.action === q.get('action')) &&
          (!q.get('entity') || e.entity === q.get('entity')),
      );
      return HttpResponse.json({
        total: list.length,
        page,
        pageSize,
        items: list.slice((page - 1) * pageSize, page * pageSize),
      });
    }),
  ];

  return {
    handlers,
    get reportsWritten() {
      return written;
    },
    signInAs(username) {
      current = username === null ? null : (accounts.find((a) => a.user.username === username)?.user.id ?? null);
    },
    setWriteFailure(mode) {
      failure = mode;
    },
    reset() {
      reports.splice(initialReportCount);
      targets.splice(0, targets.length, ...initialTargets.map((t) => ({ ...t })));
      accounts = initialAccounts(now());
      current = null;
      failure = 'none';
      written = [];
      audit = [];
    },
  };
}
