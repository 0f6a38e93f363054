import { z } from 'zod';
import { apiSend } from '../../../api/send';
import { type Target, targetSchema } from '../../../domain/schemas';
import { useAdminMutation } from './use-admin-mutation';
import { departmentsQueryKey } from './users';

/** A catalog change shows everywhere: lists, details, the overview, the reporters' own lists. */
const AFTER_TARGET_CHANGE = [['targets'], ['target'], ['summary'], ['my-targets'], departmentsQueryKey] as const;
const itemSchema = z.object({ item: targetSchema });

export type TargetPatch = Partial<Omit<Target, 'id'>> & { id: string };

export const usePatchTarget = () =>
  useAdminMutation(
    ({ id, ...body }: TargetPatch, csrfToken) =>
      apiSend(`/admin/targets/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        json: body,
        csrfToken,
        schema: itemSchema,
      }),
    AFTER_TARGET_CHANGE,
  );

export const useCreateTarget = () =>
  useAdminMutation(
    (body: Target, csrfToken) => apiSend('/admin/targets', { json: body, csrfToken, schema: itemSchema }),
    AFTER_TARGET_CHANGE,
  );
