import { z } from 'zod';
import { DEPARTMENT_KINDS, departmentIdSchema, departmentSchema } from './departments';
import { targetSchema } from './schemas';
import { cellIssueSchema } from './write-api';

/** The admin's writes to the registry and to the division of tasks (issue 22). */

const name = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label}不能为空` })
    .max(max, { message: `${label}不能超过 ${max} 个字符` });

export const departmentInputSchema = z.object({
  /** Optional: a new record gets one made from its kind when none is given. */
  id: departmentIdSchema.optional(),
  name: name('部门全称', 100),
  shortName: name('简称', 50).optional(),
  kind: z.enum(DEPARTMENT_KINDS, { message: '类别应为 市直部门、区市政府 或 其他' }),
  district: name('区市', 50).nullable().optional(),
  leader: name('分管领导', 50).nullable().optional(),
  aliases: z.array(name('别名', 100)).max(20).optional(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const departmentPatchSchema = departmentInputSchema
  .omit({ id: true })
  .extend({ /** Checked by an admin: no longer flagged as unknown free text. */ unmatched: z.literal(false) })
  .partial();

export const departmentItemSchema = z.object({ item: departmentSchema });

export const mergeDepartmentSchema = z.object({ into: z.string().min(1, { message: '请选择并入的部门' }) });
export const mergeDepartmentResponseSchema = z.object({
  item: departmentSchema,
  /** What moved to the surviving department. */
  moved: z.object({
    leads: z.number().int(),
    supports: z.number().int(),
    users: z.number().int(),
    /** 督办事项 whose lead or supporting department it was (issue 24). */
    supervision: z.number().int(),
  }),
});

/** Assign many targets at once: a lead, supporting departments, whether supporters may report. */
export const divisionRequestSchema = z
  .object({
    targetIds: z
      .array(z.string().min(1))
      .min(1, { message: '请选择目标' })
      .max(2000, { message: '一次最多分工 2000 项目标' }),
    department: z.string().min(1).nullable().optional(),
    supportingDepartments: z.array(z.string().min(1)).max(50).optional(),
    supportMayReport: z.boolean().optional(),
  })
  .refine(
    (b) => b.department !== undefined || b.supportingDepartments !== undefined || b.supportMayReport !== undefined,
    { message: '请至少指定牵头部门、配合部门或填报权限之一' },
  );
export type DivisionRequest = z.infer<typeof divisionRequestSchema>;
export const divisionResponseSchema = z.object({ items: z.array(targetSchema) });

const importCounts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});
const rowStatus = z.enum(['new', 'update', 'unchanged', 'error']);

/** What a sheet import answers, dry run or commit, with its own row shape beside the common fields. */
const sheetImportResponse = <R extends z.ZodRawShape>(row: R) =>
  z.object({
    mode: z.enum(['dry-run', 'commit']),
    fileName: z.string(),
    committed: z.boolean(),
    counts: importCounts,
    messages: z.array(z.string()),
    issues: z.array(cellIssueSchema),
    rows: z.array(z.object({ row: z.number().int(), ...row, status: rowStatus, errors: z.array(cellIssueSchema) })),
  });

/** A 任务分解 sheet: per row a target, its 牵头单位 and 配合单位 (names as the registry writes them). */
export const divisionImportResponseSchema = sheetImportResponse({
  targetId: z.string().nullable(),
  title: z.string().nullable(),
  lead: z.string().nullable(),
  supporting: z.array(z.string()),
});
export type DivisionImportResponse = z.infer<typeof divisionImportResponseSchema>;

/** A registry sheet: per row a department. */
export const departmentImportResponseSchema = sheetImportResponse({
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type DepartmentImportResponse = z.infer<typeof departmentImportResponseSchema>;
