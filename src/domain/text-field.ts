import { z } from 'zod';
import { issueCode } from './issues';
import { isStorableText, UNSTORABLE_TEXT } from './schemas';

/**
 * Free text of a write: length-limited, and only what the database keeps exactly as sent. Its own
 * module so a read page's schemas (督办事项, the review queue) do not pull in the whole write side.
 */
export const text = (max: number, name: string) =>
  z
    .string()
    .max(max, { message: `${name}不能超过 ${max} 个字符` })
    .refine(isStorableText, { message: `${name}${UNSTORABLE_TEXT}`, params: issueCode('unstorable_text') });
