import { useEffect } from 'react';

export function useDocumentTitle(title: string | undefined, app: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
