import { createContext, type ReactNode, useContext } from 'react';

/** The one clock of the UI. Tests and screenshots pass a fixed one; nothing else calls `new Date()`. */
const NowContext = createContext<() => Date>(() => new Date());

export function NowProvider({ now, children }: { now: () => Date; children: ReactNode }) {
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export const useNow = (): (() => Date) => useContext(NowContext);
