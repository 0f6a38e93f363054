import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Target } from '../../../domain/schemas';
import { targetItemSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

/** A catalog change shows everywhere: lists, details, the overview, the reporters' own lists. */
const AFTER_TARGET_CHANGE = [
  ['targets'],
  ['target'],
  ['summary'],
  queryKeys.myTargets(),
  queryKeys.departments(),
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
    (body: Target, csrfToken) => request('POST /admin/targets', targetItemSchema, { body, csrfToken }),
    AFTER_TARGET_CHANGE,
  );
