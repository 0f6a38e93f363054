import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../api/client';
import {
  type ChannelInput,
  channelResponseSchema,
  channelsResponseSchema,
  type DELIVERY_STATES,
  deliveriesResponseSchema,
  deliverySchema,
  jobRunResponseSchema,
  jobSchema,
  jobsResponseSchema,
} from '../../../domain/notify-api';
import { useAdminMutation } from './use-admin-mutation';

export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Typed keys of the notification screens; every write refreshes what it can change. */
export const notifyKeys = {
  channels: () => ['admin', 'channels'] as const,
  deliveries: (p: { state?: DeliveryState | undefined }) => ['admin', 'deliveries', p] as const,
  jobs: () => ['admin', 'jobs'] as const,
};
const DELIVERIES = ['admin', 'deliveries'] as const;

/** The newest deliveries the list shows. */
export const DELIVERIES_LIMIT = 100;

export const useChannels = () =>
  useQuery({
    queryKey: notifyKeys.channels(),
    queryFn: ({ signal }) => request('GET /admin/channels', channelsResponseSchema, { signal }),
  });

export const useCreateChannel = () =>
  useAdminMutation(
    (body: ChannelInput, csrfToken) => request('POST /admin/channels', channelResponseSchema, { body, csrfToken }),
    [notifyKeys.channels()],
  );

export const useUpdateChannel = () =>
  useAdminMutation(
    ({ id, body }: { id: string; body: ChannelInput }, csrfToken) =>
      request('PATCH /admin/channels/:id', channelResponseSchema, { path: { id }, body, csrfToken }),
    [notifyKeys.channels()],
  );

export const useDeleteChannel = () =>
  useAdminMutation(
    (id: string, csrfToken) => request('DELETE /admin/channels/:id', null, { path: { id }, csrfToken }),
    [notifyKeys.channels()],
  );

/** The answers the contract names inline (src/domain/contract.ts). */
const channelTestSchema = z.object({ delivery: deliverySchema });
const jobItemSchema = z.object({ item: jobSchema });

/** A test message: the delivery it made (sent, or why not), shown where the button is and in the list. */
export const useTestChannel = () =>
  useAdminMutation(
    async (id: string, csrfToken) =>
      (await request('POST /admin/channels/:id/test', channelTestSchema, { path: { id }, csrfToken })).delivery,
    [DELIVERIES],
  );

export const useDeliveries = (state: DeliveryState | undefined) =>
  useQuery({
    queryKey: notifyKeys.deliveries({ state }),
    queryFn: ({ signal }) =>
      request('GET /admin/deliveries', deliveriesResponseSchema, {
        query: { ...(state ? { state } : {}), limit: DELIVERIES_LIMIT },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const useJobs = () =>
  useQuery({
    queryKey: notifyKeys.jobs(),
    queryFn: ({ signal }) => request('GET /admin/jobs', jobsResponseSchema, { signal }),
  });

export const useUpdateJob = () =>
  useAdminMutation(
    ({ name, ...body }: { name: string; cron?: string; enabled?: boolean }, csrfToken) =>
      request('PATCH /admin/jobs/:name', jobItemSchema, { path: { name }, body, csrfToken }),
    [notifyKeys.jobs()],
  );

export const useRunJob = () =>
  useAdminMutation(
    (name: string, csrfToken) =>
      request('POST /admin/jobs/:name/run', jobRunResponseSchema, { path: { name }, csrfToken }),
    [notifyKeys.jobs(), DELIVERIES],
  );
