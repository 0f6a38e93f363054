import type { User } from '../src/domain/write-api';

/**
 * What the component tests find in their database besides the catalog and the demo: the clock the
 * server runs on, and the accounts they sign in with. Written into the template once per run by
 * src/test/global-setup.ts, through the server's own account code.
 */

/** The server's clock in component tests: Asia/Shanghai 2025-12-29 10:30, a Monday. */
export const NOW = new Date('2025-12-29T02:30:00Z');

export const TEST_PASSWORD = 'mock password 123';
/**
 * The reporter's department (a registry id, data/departments.ts: 市工业和信息化局): it leads
 * ind-three-firsts and the other industry targets of the catalog.
 */
export const TEST_DEPARTMENT = 'gxj';

export const TEST_ACCOUNTS = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', departments: [] },
  { username: 'rep', displayName: '填报员甲', role: 'reporter', departments: [TEST_DEPARTMENT] },
  { username: 'viewer', displayName: '查看者', role: 'viewer', departments: [] },
] as const satisfies readonly Pick<User, 'username' | 'displayName' | 'role' | 'departments'>[];

export type TestUsername = (typeof TEST_ACCOUNTS)[number]['username'];

/** A username whose sign-in from the tests' address (the loopback) has to wait 15 minutes. */
export const LOCKED_USERNAME = 'locked';
