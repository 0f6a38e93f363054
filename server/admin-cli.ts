import { parseArgs } from 'node:util';
import { createUserRequestSchema, passwordSchema } from '../src/domain/write-api';
import { zhIssueText } from '../src/i18n/validation';
import { openDatabase } from './boot';
import { readConfig } from './config';
import { audit } from './repositories/audit';
import { deleteSessionsOfUser } from './repositories/sessions';
import { createUser, findUserByUsername, listUsers, UsernameTakenError } from './repositories/users';
import { loadRegistry, resolveDepartment } from './services/departments';
import { hashPassword } from './services/password';

/**
 * `npm run admin -- <command>`: account management from the command line, for the first admin and
 * for when nobody can sign in. The password is read from stdin (one line) or from the environment
 * variable named by --password-env; never from the command line, where `ps` and shell history see it.
 *
 *   create-user --username NAME --role viewer|reporter|reviewer|admin [--departments 市工业和信息化局,市商务局] [--plans qd-2025]
 *               [--display-name 张三] [--password-env VAR]
 *   set-password --username NAME [--password-env VAR]
 *   list-users
 *
 * With the embedded database, stop the server first (PGlite serves one process at a time).
 */
const USAGE = `用法：npm run admin -- create-user --username 名称 --role viewer|reporter|reviewer|admin [--departments 部门1,部门2] [--plans 规划编号1,规划编号2] [--display-name 姓名] [--password-env 变量名]
      npm run admin -- set-password --username 名称 [--password-env 变量名]
      npm run admin -- list-users
密码从标准输入读取（一行），或从 --password-env 指定的环境变量读取。`;

async function readPassword(envName: string | undefined): Promise<string> {
  if (envName) {
    const v = process.env[envName];
    if (!v) throw new Error(`环境变量 ${envName} 未设置或为空`);
    return v;
  }
  if (process.stdin.isTTY) process.stderr.write('密码：');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      departments: { type: 'string' },
      plans: { type: 'string' },
      'display-name': { type: 'string' },
      'password-env': { type: 'string' },
    },
    strict: true,
  });
  if (!command || !['create-user', 'set-password', 'list-users'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig(process.env);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, demo: config.demo });
  const now = new Date();
  const actor = { id: null, username: `cli:${process.env.USER ?? 'unknown'}`, ip: null };
  try {
    if (command === 'list-users') {
      for (const u of await listUsers(handle.db))
        console.log(
          `${u.username}\t${u.role}\t${[...u.departments, ...u.plans].join(',')}\t${u.disabled ? '已停用' : ''}`,
        );
      return 0;
    }
    if (!values.username) throw new Error('缺少 --username');
    const password = await readPassword(values['password-env']);
    if (command === 'create-user') {
      const parsed = createUserRequestSchema.safeParse({
        username: values.username,
        displayName: values['display-name'],
        password,
        role: values.role,
        departments: (values.departments ?? '')
          .split(/[,，]/)
          .map((d) => d.trim())
          .filter(Boolean),
        plans: (values.plans ?? '')
          .split(/[,，]/)
          .map((d) => d.trim())
          .filter(Boolean),
      });
      if (!parsed.success)
        throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；'));
      // Departments by id or name, as the registry has them (市工业和信息化局, 市工信局 or gxj).
      const registry = await loadRegistry(handle.db);
      const departments = parsed.data.departments.map((text) => {
        const found = resolveDepartment(registry, text);
        if (!found.ok) throw new Error(zhIssueText(found.issue));
        return found.department.id;
      });
      const known = new Set((await handle.db.selectFrom('plans').select('id').execute()).map((p) => p.id));
      const unknownPlan = parsed.data.plans.find((p) => !known.has(p));
      if (unknownPlan) throw new Error(`规划“${unknownPlan}”不存在（可选：${[...known].join('、')}）`);
      const u = await handle.db.transaction().execute(async (trx) => {
        const user = await createUser(trx, { ...parsed.data, departments }, now);
        await audit(trx, now, actor, { action: 'user.create', entity: 'user', entityId: user.id, after: user });
        return user;
      });
      console.log(
        `已创建用户 ${u.username}（${u.role}${u.departments.length ? `，${u.departments.map((d) => registry.find((x) => x.id === d)?.name ?? d).join('、')}` : ''}）`,
      );
      return 0;
    }
    const pw = passwordSchema.safeParse(password);
    if (!pw.success) throw new Error(pw.error.issues[0]?.message ?? '密码无效');
    const row = await findUserByUsername(handle.db, values.username);
    if (!row) throw new Error(`用户“${values.username}”不存在`);
    const hash = await hashPassword(pw.data);
    await handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', row.id).execute();
      await audit(trx, now, actor, { action: 'user.update_password', entity: 'user', entityId: row.id });
    });
    await deleteSessionsOfUser(handle.db, row.id);
    console.log(`已重设 ${row.username} 的密码`);
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof UsernameTakenError || e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
