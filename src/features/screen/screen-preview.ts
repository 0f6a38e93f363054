import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useState } from 'react';
import { queryKeys, type SummaryParams } from '../../api/query-keys';
import { type SummaryResponse, summaryResponseSchema } from '../../domain/api';

/**
 * `/screen` arrives with its first slide rendered on the server: a preview, inert and hidden from
 * assistive technology, on top of the live page (z-index) until the live page has rendered the same
 * slide from the same summary (inlined with the HTML), then removed before that frame is painted.
 * Its animations (the slide-time line, the ticker) wait for the live page, which starts them from 0.
 */
export const SCREEN_PREVIEW_ID = 'ssr-screen';
export const SCREEN_DATA_ID = 'ssr-screen-summary';

/** The summary inlined with the preview, once (the element goes when read), for the plain filters only. */
function takeInlineSummary(params: SummaryParams): SummaryResponse | undefined {
  if (typeof document === 'undefined') return undefined;
  const element = document.getElementById(SCREEN_DATA_ID);
  if (!element) return undefined;
  const text = element.textContent;
  element.remove();
  if (params.plan || params.district || params.asOf || params.includePending || !text) return undefined;
  try {
    const parsed = summaryResponseSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the inlined summary in the query cache before the screen's first query reads it. */
export function useInlineSummary(params: SummaryParams): void {
  const queryClient = useQueryClient();
  useState(() => {
    const data = takeInlineSummary(params);
    if (data && queryClient.getQueryData(queryKeys.summary(params)) === undefined)
      queryClient.setQueryData(queryKeys.summary(params), data);
    return null;
  });
}

/** Removes the preview once the live screen shows an answer (or says it has none), before that frame is painted. */
export function useScreenHandOver(rendered: boolean): void {
  useLayoutEffect(() => {
    if (rendered) document.getElementById(SCREEN_PREVIEW_ID)?.remove();
  }, [rendered]);
}
