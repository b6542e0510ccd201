import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const document = parse(
  readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi');

const escape = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks a response against the OpenAPI document: the operation must declare
 * the status, and the body must match its schema.
 */
export function expectMatchesOpenApi(
  method: 'get' | 'post' | 'delete',
  path: string,
  response: { status: number; body: unknown },
) {
  const operation = document.paths[path]?.[method];
  if (!operation) {
    throw new Error(`openapi.yaml has no ${method.toUpperCase()} ${path}`);
  }
  let declared = operation.responses[String(response.status)];
  if (!declared) {
    throw new Error(
      `openapi.yaml does not declare ${
        response.status
      } for ${method.toUpperCase()} ${path}`,
    );
  }
  if (declared.$ref) {
    declared = document.components.responses[declared.$ref.split('/').pop()];
  }
  if (!declared.content) {
    return;
  }
  const pointer =
    declared === operation.responses[String(response.status)]
      ? `#/paths/${escape(path)}/${method}/responses/${
          response.status
        }/content/application~1json/schema`
      : `#/components/responses/${operation.responses[
          String(response.status)
        ].$ref
          .split('/')
          .pop()}/content/application~1json/schema`;
  const validate = ajv.getSchema(`openapi${pointer}`);
  if (!validate) {
    throw new Error(`No schema at ${pointer}`);
  }
  if (!validate(response.body)) {
    throw new Error(
      `${method.toUpperCase()} ${path} ${
        response.status
      } does not match openapi.yaml: ${ajv.errorsText(
        validate.errors,
      )}\n${JSON.stringify(response.body).slice(0, 500)}`,
    );
  }
}

type HttpMethod = 'get' | 'post' | 'delete';
const HTTP_METHODS: readonly string[] = ['get', 'post', 'delete'];

/** Every operation the OpenAPI document declares, as method and path. */
export function openApiOperations(): Array<[HttpMethod, string]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter(method => HTTP_METHODS.includes(method))
      .map((method): [HttpMethod, string] => [method as HttpMethod, path]),
  );
}
