import type { z } from 'zod';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Target } from '../../../domain/schemas';
import { type targetCreateSchema, targetItemSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

/** A catalog change shows everywhere: lists, details, the overview, the reporters' own lists. */
const AFTER_TARGET_CHANGE = [
  ['targets'],
  ['target'],
  ['summary'],
  queryKeys.myTargets(),
  queryKeys.departments(),
  queryKeys.registry(),
  ['department'],
  ['rankings'],
] as const;

export type TargetPatch = Partial<Omit<Target, 'id'>> & { id: string };

export const usePatchTarget = () =>
  useAdminMutation(
    ({ id, ...body }: TargetPatch, csrfToken) =>
      request('PATCH /admin/targets/:id', targetItemSchema, { path: { id }, body, csrfToken }),
    AFTER_TARGET_CHANGE,
  );

export const useCreateTarget = () =>
  useAdminMutation(
    (body: z.input<typeof targetCreateSchema>, csrfToken) =>
      request('POST /admin/targets', targetItemSchema, { body, csrfToken }),
    AFTER_TARGET_CHANGE,
  );
