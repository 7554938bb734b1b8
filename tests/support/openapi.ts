/**
 * Checks responses against docs/openapi.yaml, so the hand-written
 * description cannot drift from what the handlers answer: the status must be
 * documented for the operation, a body's media type must be one the
 * operation lists, and a JSON body (application/json or any +json type) must
 * match its schema (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { schemas: Record<string, unknown> };
}

const SCHEMAS_ID = 'openapi-schemas';
// References to the shared schemas point into one schema of their own, so that each response schema compiles on its own.
const text = readFileSync(fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url)), 'utf8');
const spec = JSON.parse(JSON.stringify(parse(text)).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`)) as OpenApi;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// OpenAPI's own annotation inside schemas.
ajv.addKeyword({ keyword: 'example' });
ajv.addSchema({ $id: SCHEMAS_ID, $defs: spec.components.schemas });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** A response given as `$ref: '#/components/responses/…'`. */
function resolve(ref: string): ResponseObject {
  let node: unknown = spec;
  for (const p of ref.replace(/^#\//, '').split('/'))
    node = (node as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (!node) throw new Error(`docs/openapi.yaml: nothing at ${ref}`);
  return node;
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Throws, naming the operation and what differs, unless `response` is what docs/openapi.yaml says `method path` answers. */
export async function expectDocumentedResponse(response: Response, path: string, method = 'get'): Promise<void> {
  const where = `${method.toUpperCase()} ${path} → ${response.status}`;
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`docs/openapi.yaml has no operation ${method.toUpperCase()} ${path}`);
  const listed = operation.responses[String(response.status)];
  if (!listed) throw new Error(`${where}: docs/openapi.yaml does not list this status`);
  const described = listed.$ref ? resolve(listed.$ref) : listed;

  const body = await response.clone().text();
  if (!body) return;
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const media = described.content?.[mediaType];
  if (!media) throw new Error(`${where}: docs/openapi.yaml lists no content ${mediaType || '(none)'} for it`);
  if (!isJson(mediaType) || media.schema === undefined) return;

  const key = `${where} ${mediaType}`;
  const validate = compiled.get(key) ?? ajv.compile(media.schema as object);
  compiled.set(key, validate);
  if (!validate(JSON.parse(body))) {
    throw new Error(`${where}: the body does not match docs/openapi.yaml:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
}

/** `handler`, with every response it gives checked by expectDocumentedResponse first. */
export function documented<A extends unknown[]>(
  path: string,
  handler: (...args: A) => Promise<Response>,
  method = 'get',
): (...args: A) => Promise<Response> {
  return async (...args) => {
    const response = await handler(...args);
    await expectDocumentedResponse(response, path, method);
    return response;
  };
}

/**
 * What is wrong with docs/openapi.yaml as a whole: a null value (in a flow mapping, an unquoted comma starts a
 * new key: `description: a, b` gives a key ` b` with no value) and any schema that does not compile in strict mode.
 */
export function specProblems(): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (node === null) problems.push(`${at}: no value`);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      if (key === 'schema' && value && typeof value === 'object') {
        try {
          ajv.compile(value);
        } catch (error) {
          problems.push(`${here}: ${(error as Error).message}`);
        }
      }
      walk(value, here);
    }
  };
  walk(spec, '#');
  return problems;
}
