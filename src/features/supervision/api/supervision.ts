import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { SUPERVISION_ROOT } from '../../../api/get-supervision';
import { useCsrfToken } from '../../../api/session';
import {
  type SupervisionCreate,
  type SupervisionPatch,
  supervisionItemResponseSchema,
} from '../../../domain/supervision-api';

function useRefreshLists() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [SUPERVISION_ROOT] });
}

/** 新增督办 (reviewers and administrators). */
export function useCreateSupervision() {
  const csrf = useCsrfToken();
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: async (body: SupervisionCreate) =>
      (await request('POST /supervision', supervisionItemResponseSchema, { body, csrfToken: await csrf() })).item,
    onSuccess: () => refresh(),
  });
}

/** 办理进展, 办结 (the lead department's reporters), reopening (the target office). */
export function useUpdateSupervision() {
  const csrf = useCsrfToken();
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: SupervisionPatch }) =>
      (
        await request('PATCH /supervision/:id', supervisionItemResponseSchema, {
          path: { id },
          body: patch,
          csrfToken: await csrf(),
        })
      ).item,
    onSuccess: () => refresh(),
  });
}
