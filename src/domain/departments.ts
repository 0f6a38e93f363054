import { z } from 'zod';

/**
 * The department registry (issue 22): every department a target, a user or a report names is a
 * record with a stable id. Names change (机构改革 renames and merges bureaus); the id does not, so a
 * report or an audit entry of a renamed or merged department still resolves to a name.
 */
export const DEPARTMENT_KINDS = ['city', 'district', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_NAMES: Record<DepartmentKind, string> = {
  city: '市直部门',
  district: '区市政府',
  other: '其他',
};

export const departmentIdSchema = z
  .string()
  .trim()
  .min(1, { message: '部门编号不能为空' })
  .max(40, { message: '部门编号不能超过 40 个字符' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: '部门编号只能包含小写字母、数字和 -' });

export const departmentSchema = z.object({
  id: z.string().min(1),
  /** As the government writes it: 市工业和信息化局, 崂山区人民政府. */
  name: z.string().min(1),
  /** What officials say: 市工信局, 崂山区. */
  shortName: z.string().min(1),
  kind: z.enum(DEPARTMENT_KINDS),
  /** A 区市政府's district, spelled as targets spell it (崂山区); null otherwise. */
  district: z.string().nullable(),
  /** 分管领导 (optional). */
  leader: z.string().nullable(),
  /** Other spellings met in documents and sheets (市发改委), matched on import. */
  aliases: z.array(z.string()),
  /** Merged into another department (机构改革): kept so that its history resolves to its name. */
  mergedInto: z.string().nullable(),
  /** Created from free text the registry did not know (a migration or an old import): to be checked. */
  unmatched: z.boolean(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentCountsSchema = z.object({
  /** Targets it leads (牵头) and supports (配合). */
  leads: z.number().int(),
  supports: z.number().int(),
});
export const departmentWithCountsSchema = departmentSchema.extend(departmentCountsSchema.shape);
export type DepartmentWithCounts = z.infer<typeof departmentWithCountsSchema>;

export const departmentsResponseSchema = z.object({
  items: z.array(departmentWithCountsSchema),
  /** Targets with no lead department. */
  unassignedTargets: z.number().int(),
});
export type DepartmentsResponse = z.infer<typeof departmentsResponseSchema>;

/** What the matchers need of a registry entry (the seed list, or the database's registry). */
export interface DepartmentNames {
  id: string;
  name: string;
  shortName: string;
  aliases: readonly string[];
}

/** Trimmed, inner white space (including full-width) removed. */
function clean(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * The spellings a text may stand for: as written, without 青岛 (青岛市工业和信息化局 → 市工业和信息化局,
 * 青岛市南区 → 市南区) and without 青岛市 (青岛市城阳区人民政府 → 城阳区人民政府).
 */
function spellings(text: string): string[] {
  const s = clean(text);
  const out = [s];
  if (s.startsWith('青岛') && s.length > 2) out.push(s.slice(2));
  if (s.startsWith('青岛市') && s.length > 3) out.push(s.slice(3));
  return out;
}

/** The form compared for similarity: 青岛市… as 市…, 青岛… without 青岛, so the shared prefix scores nothing. */
function core(text: string): string {
  const s = clean(text);
  if (s.startsWith('青岛市') && s.length > 3) return `市${s.slice(3)}`;
  if (s.startsWith('青岛') && s.length > 2) return s.slice(2);
  return s;
}

function namesOf(d: DepartmentNames): string[] {
  return [d.name, d.shortName, ...d.aliases];
}

/**
 * The entry of `list` whose name, short name or an alias is `text` exactly, after trimming and the
 * 青岛 / 青岛市 prefix normalisation. A spelling as written wins over one with the prefix removed.
 */
export function matchDepartmentIn<T extends DepartmentNames>(list: readonly T[], text: string): T | undefined {
  const byId = list.find((d) => d.id === text.trim());
  if (byId) return byId;
  for (const s of spellings(text)) {
    if (s === '') continue;
    const hit = list.find((d) => namesOf(d).some((n) => clean(n) === s));
    if (hit) return hit;
  }
  return undefined;
}

function bigrams(s: string): string[] {
  if (s.length < 2) return s === '' ? [] : [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of the two strings' character bigrams (multiset overlap), 0 … 1. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(g, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * The `n` entries of `list` most similar to `text` (an unknown department name), best first: by the
 * best character-bigram overlap (Dice) of the text with any of the entry's names, both read without
 * the 青岛 / 青岛市 prefix, ties in list order.
 * Entries sharing no bigram with the text are left out, so the result may be shorter than `n`.
 * 市工信厅 → 市工业和信息化局 (its short name 市工信局) first.
 */
export function closestDepartmentsIn<T extends DepartmentNames>(list: readonly T[], text: string, n = 3): T[] {
  const form = core(text);
  const scored = list.map((d, index) => {
    let score = 0;
    for (const name of namesOf(d)) score = Math.max(score, similarity(form, core(name)));
    return { d, index, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, n))
    .map((s) => s.d);
}

/** Search as a person types: full name, short name, alias or id, ignoring the 青岛市 prefix. */
export function departmentMatchesQuery(d: DepartmentNames, query: string): boolean {
  const q = core(query).toLowerCase().replace(/^市/, '');
  if (!q) return true;
  return d.id.includes(q) || namesOf(d).some((n) => core(n).toLowerCase().includes(q));
}

/** The admin's registry: with the accounts bound to each department. */
export const adminDepartmentsResponseSchema = z.object({
  items: z.array(departmentWithCountsSchema.extend({ users: z.number().int() })),
  unassignedTargets: z.number().int(),
});
export type AdminDepartmentsResponse = z.infer<typeof adminDepartmentsResponseSchema>;
