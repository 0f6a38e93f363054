import { useLayoutEffect } from 'react';
import type { TargetParams } from '../../api/query-keys';
import { type TargetDetailResponse, targetDetailResponseSchema } from '../../domain/target-api';

/**
 * A target page opened by its plain address arrives server-rendered (src/entry-server.tsx:
 * renderTarget; server/http/landing.ts: targetShell): a preview of the page, inert and hidden from
 * assistive technology, and the API answer it was rendered from. The live page starts from that
 * answer instead of fetching it again, and takes the preview away once it has rendered itself.
 */
export const TARGET_PREVIEW_ID = 'ssr-target-page';
export const TARGET_DATA_ID = 'ssr-target';

/**
 * The answer inlined with the page for these parameters, once: the element is removed when read (a
 * later visit to the same target in this tab fetches as usual). Only the view the preview shows (no
 * as-of date, approved figures) and only if it parses.
 */
export function takeInlineTarget(params: TargetParams): TargetDetailResponse | undefined {
  if (typeof document === 'undefined') return undefined;
  const element = document.getElementById(TARGET_DATA_ID);
  if (!element) return undefined;
  const text = element.textContent;
  element.remove();
  if (params.asOf !== undefined || params.includePending || !text) return undefined;
  try {
    const parsed = targetDetailResponseSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.item.id === params.id ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the server-rendered preview once the live page has rendered its answer (or its error),
 * before that frame is painted: the preview and the page are drawn by the same components, so the
 * screen does not change. Until then the live page is hidden behind the preview (a rule in the preview).
 */
export function usePreviewHandOver(rendered: boolean): void {
  useLayoutEffect(() => {
    if (rendered) document.getElementById(TARGET_PREVIEW_ID)?.remove();
  }, [rendered]);
}
