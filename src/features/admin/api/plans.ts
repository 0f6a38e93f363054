import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Plan } from '../../../domain/schemas';
import { planItemSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

/**
 * Saves a plan whole (POST /admin/plans takes the plan object): the plan settings send the plan as
 * GET /plans gave it, with its review setting changed. Every page's plan list refreshes.
 */
export const useSavePlan = () =>
  useAdminMutation(
    (plan: Plan, csrfToken) => request('POST /admin/plans', planItemSchema, { body: plan, csrfToken }),
    [queryKeys.plans()],
  );
