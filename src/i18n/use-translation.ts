import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../domain/format';
import { useLocale } from '../stores/ui-store';
import { loadMessages, type MessageKey, messagesFor, translate, type Vars } from './messages';
import { type Messages, zhCN } from './zh-cn';

export type TFunction = (key: MessageKey, vars?: Vars) => string;

/**
 * `t(key, vars)` in the person's language: a typed key into the message tables, `{{name}}`
 * placeholders. A few dozen lines instead of i18next's ~15 KB gzip on the overview's first load.
 */
export function useTranslation(): { t: TFunction; locale: Locale } {
  const locale = useLocale();
  const [messages, setMessages] = useState(() => messagesFor(locale));
  useEffect(() => {
    let live = true;
    const ready = messagesFor(locale);
    if (ready) setMessages(ready);
    else void loadMessages(locale).then((m) => live && setMessages(m));
    return () => {
      live = false;
    };
  }, [locale]);
  // Until English arrives (a few ms), Chinese is shown rather than keys.
  const current = messagesFor(locale) ?? messages ?? (zhCN as unknown as Messages);
  const t = useCallback<TFunction>((key, vars) => translate(current, key, vars), [current]);
  return { t, locale: messagesFor(locale) ? locale : 'zh-CN' };
}
