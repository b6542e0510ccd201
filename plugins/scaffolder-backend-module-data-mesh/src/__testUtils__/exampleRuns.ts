import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';

const WHOLE_EXPRESSION = /^\$\{\{\s*([\w.]+)\s*\}\}$/;
const EXPRESSION = /\$\{\{\s*([\w.]+)\s*\}\}/g;

function lookup(context: Record<string, unknown>, path: string): unknown {
  const value = path
    .split('.')
    .reduce<any>(
      (node, key) => (node === undefined ? node : node[key]),
      context,
    );
  if (value === undefined) {
    throw new Error(`The example refers to ${path}, which the run lacks`);
  }
  return value;
}

/**
 * Renders the `${{ a.b.c }}` expressions of a template value as the
 * scaffolder does for plain property paths: a value that is one expression
 * keeps the type of what it refers to, expressions inside text become text.
 * Throws on a path the context lacks, so that an example cannot refer to an
 * output or parameter that does not exist.
 */
export function renderTemplateValue(
  value: unknown,
  context: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') {
    const whole = value.match(WHOLE_EXPRESSION);
    if (whole) {
      return lookup(context, whole[1]);
    }
    return value.replace(EXPRESSION, (_, path) =>
      String(lookup(context, path)),
    );
  }
  if (Array.isArray(value)) {
    return value.map(item => renderTemplateValue(item, context));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        renderTemplateValue(v, context),
      ]),
    );
  }
  return value;
}

/** What running one example of an action gave. */
export type ExampleRun = {
  /** The input of the example's step, rendered. */
  input: Record<string, any>;
  /** What the step output, by name. */
  outputs: Record<string, any>;
  /** The example's `output` section, rendered with the step's outputs. */
  templateOutput: unknown;
};

/**
 * Runs an action's example as the scaffolder would: parses its YAML, renders
 * the input of its step with `context` (`parameters`, outputs of earlier
 * `steps`), runs the handler, then renders the example's `output` section
 * with the step's outputs.
 */
export async function runExample(
  action: TemplateAction<any, any, any>,
  example: TemplateExample,
  options: {
    workspacePath: string;
    context?: Record<string, any>;
    templateRef?: string;
  },
): Promise<ExampleRun> {
  const template = parse(example.example);
  const steps = template.steps.filter((s: any) => s.action === action.id);
  expect(steps).toHaveLength(1);
  const [step] = steps;
  const context = { parameters: {}, steps: {}, ...options.context };
  const input = renderTemplateValue(step.input ?? {}, context) as Record<
    string,
    any
  >;
  const ctx = createMockActionContext({
    input,
    workspacePath: options.workspacePath,
    templateInfo: options.templateRef
      ? { entityRef: options.templateRef, baseUrl: 'file:///templates/' }
      : undefined,
  });
  await action.handler(ctx);
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [name, value]),
  );
  const templateOutput = renderTemplateValue(template.output ?? {}, {
    ...context,
    steps: { ...context.steps, [step.id]: { output: outputs } },
  });
  return { input, outputs, templateOutput };
}
