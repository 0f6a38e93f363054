import { z } from 'zod';
import { ENDPOINTS, type Endpoint } from '../../src/domain/contract';
import { problemSchema } from '../../src/domain/problem';

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the contract table (src/domain/contract.ts)
 * with zod's own JSON Schema output: nothing here is declared a second time.
 */
type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
};

const FILE_TYPES: Record<string, string[]> = {
  csv: ['text/csv'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  'csv-or-xlsx': ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

const ACCESS_ZH: Record<Endpoint['access'], string> = {
  public: '无需登录',
  read: '读取（READ_ACCESS=signed-in 时需登录）',
  'signed-in': '需登录',
  reporter: '填报员或管理员',
  reviewer: '审核员（审核范围内）或管理员',
  admin: '管理员',
};

function parameters(ep: Endpoint): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const m of ep.path.matchAll(/:(\w+)/g))
    out.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  if (ep.query) {
    const schema = jsonSchema(ep.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, s] of Object.entries(schema.properties ?? {}))
      out.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s });
  }
  return out;
}

function operation(name: string, ep: Endpoint): JsonSchema {
  const success: JsonSchema =
    ep.returns === 'json' && ep.response
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(ep.response, 'output') } } }
      : ep.returns === 'none'
        ? { description: 'No content' }
        : {
            description: 'A file',
            content: Object.fromEntries(
              (FILE_TYPES[ep.returns] ?? []).map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
            ),
          };
  const problem = { $ref: '#/components/schemas/Problem' };
  const op: JsonSchema = {
    operationId: name,
    summary: ep.summary,
    description: `权限：${ACCESS_ZH[ep.access]}`,
    parameters: parameters(ep),
    responses: {
      [String(ep.status)]: success,
      ...(ep.status === 201 ? { '200': { ...success, description: 'OK (dry run, or nothing new to write)' } } : {}),
      '4XX': {
        description: '请求有误 / 未登录 / 无权限',
        content: { 'application/problem+json': { schema: problem } },
      },
      '5XX': { description: '服务器错误', content: { 'application/problem+json': { schema: problem } } },
    },
  };
  if (ep.body === 'multipart')
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
      },
    };
  else if (ep.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(ep.body, 'input') } } };
  if (ep.access !== 'public') op.security = [{ session: [] }];
  return op;
}

let cached: string | null = null;

/** The document as JSON text (built once: the contract does not change while the server runs). */
export function openApiJson(): string {
  if (cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [name, ep] of Object.entries(ENDPOINTS) as [string, Endpoint][]) {
    const path = ep.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][ep.method.toLowerCase()] = operation(name, ep);
  }
  const doc = {
    openapi: '3.1.0',
    info: {
      title: '目标进度看板 API (Target Board)',
      version: '1',
      description:
        '年度目标、进度填报与预警。错误以 RFC 9457 problem+json 返回，detail 为中文。写操作需登录会话（Cookie）并在 X-CSRF-Token 头中带上会话的令牌。',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } },
    },
  };
  cached = JSON.stringify(doc);
  return cached;
}
