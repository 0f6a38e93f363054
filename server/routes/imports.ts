import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { shanghaiDate } from '../../src/domain/dates';
import { storableName } from '../../src/domain/schemas';
import { groupReports } from '../../src/domain/views';
import { problem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  forbidden,
  invalid,
  role,
  type WriteDeps,
  writableBy,
} from '../http/session';
import { reportFromRow, selectTargets, targetFromRow } from '../repositories/rows';
import { type ImportOutcome, importReports } from '../services/report-import';
import { lastReportOf, templateCsv, templateXlsx } from '../services/report-template';
import { readSheet, type SheetResult } from '../services/spreadsheet/sheet';

/** GET /imports/template, POST /imports?mode=dry-run|commit (multipart, field `file`). */
export function importRoutes(deps: WriteDeps) {
  const { db, now, options } = deps;
  const r = new Hono<AccountsEnv>();

  r.get('/imports/template', role(['reporter', 'admin']), async (c) => {
    const s = c.get('signedIn');
    let q = selectTargets(db);
    if (s.user.role !== 'admin') q = q.where(writableBy(s.user));
    const targets = (await q.orderBy('sort_order').execute()).map(targetFromRow);
    const ids = targets.map((t) => t.id);
    const reports = ids.length
      ? (await db.selectFrom('reports').selectAll().where('target_id', 'in', ids).execute()).map(reportFromRow)
      : [];
    const byTarget = groupReports(reports);
    const rows = targets.map((target) => ({ target, last: lastReportOf(byTarget.get(target.id) ?? []) }));
    const day = shanghaiDate(now());
    const name = `进度填报模板-${day}`;
    if (c.req.query('format') === 'csv') {
      return c.body(templateCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': disposition(`${name}.csv`),
      });
    }
    const buf = await templateXlsx(rows, now().toISOString());
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition(`${name}.xlsx`),
    });
  });

  r.post(
    '/imports',
    role(['reporter', 'admin', 'viewer']),
    bodyLimit({
      maxSize: options.limits.maxFileBytes + 64 * 1024,
      onError: (c) => fileTooBig(c, options.limits.maxFileBytes),
    }),
    async (c) => {
      const s = c.get('signedIn');
      if (s.user.role === 'viewer') return forbidden(c, '查看者不能导入填报', 'viewer_cannot_report');
      const mode = c.req.query('mode') ?? 'dry-run';
      if (mode !== 'dry-run' && mode !== 'commit') return invalid(c, '参数“mode”应为 dry-run（预览）或 commit（提交）');
      const upload = await readUpload(c, options.limits);
      if (upload instanceof Response) return upload;
      const outcome = await importReports({
        db,
        user: s.user,
        actor: actorOf(c, s.user),
        now: now(),
        fileName: upload.name,
        bytes: upload.bytes,
        grid: upload.sheet.grid,
        mode,
        maxRows: options.limits.maxRows,
      });
      return respondImport(c, outcome);
    },
  );

  return r;
}

export function disposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file that cannot be read or imported at all, saying why (the reason in Chinese, also as a figure). */
export function badFile(c: Ctx, status: number, detail: string) {
  return problem(c, { status, title: '文件无法导入', detail, code: 'bad_file', params: { reason: detail } });
}

/** A sheet with more data rows than an import takes at once. */
export function tooManyRows(c: Ctx, max: number) {
  return problem(c, {
    status: 413,
    title: '文件无法导入',
    detail: `行数超过上限（最多 ${max} 行数据），请分批导入`,
    code: 'too_many_rows',
    params: { max },
  });
}

export function fileTooBig(c: Ctx, max: number) {
  return problem(c, {
    status: 413,
    title: '文件过大',
    detail: `文件超过 ${Math.round(max / 1024 / 1024)} MB 的上限`,
    code: 'file_too_large',
    params: { maxMb: Math.round(max / 1024 / 1024) },
  });
}

/** The uploaded file from a multipart form, read into memory (it is capped) and sniffed. */
export async function readUpload(
  c: Ctx,
  limits: { maxFileBytes: number; maxRows: number },
): Promise<Response | { name: string; bytes: Uint8Array; sheet: Extract<SheetResult, { ok: true }> }> {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
    return problem(c, {
      status: 415,
      title: '不支持的内容类型',
      detail: '请以表单（multipart/form-data）上传文件',
      code: 'unsupported_media_type',
    });
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody();
  } catch {
    return invalid(c, '上传的表单无法解析');
  }
  const file = form.file;
  if (!(file instanceof File)) return invalid(c, '请选择要上传的文件（表单字段 file）');
  if (file.size > limits.maxFileBytes) return fileTooBig(c, limits.maxFileBytes);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sheet = await readSheet(bytes, limits);
  if (!sheet.ok) return badFile(c, sheet.status, sheet.detail);
  return { name: storableName(file.name || 'upload').slice(0, 255) || 'upload', bytes, sheet };
}

export function respondImport(c: Ctx, outcome: ImportOutcome) {
  if ('detail' in outcome) return badFile(c, outcome.status, outcome.detail);
  const { status, body } = outcome;
  if (status === 200 || status === 201) return c.json(body, status);
  const first = body.messages.slice(0, 3).join('；');
  return problem(c, {
    status,
    title: status === 403 ? '无权导入' : '导入未完成',
    detail:
      status === 403
        ? `文件中有无权填报的目标，整个文件未导入：${first}`
        : `有 ${body.counts.error} 行存在错误，整个文件未导入：${first}${body.messages.length > 3 ? '…' : ''}`,
    code: status === 403 ? 'forbidden' : 'import_invalid',
    result: body,
  });
}
