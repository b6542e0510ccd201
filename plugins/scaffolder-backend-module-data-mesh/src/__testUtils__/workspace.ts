import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createDataProductAction } from '../actions/createProduct';
import { orderProductInput } from './inputs';

/** The clock and template of the runs of {@link runCreateProduct}. */
export const REQUESTED_AT = new Date('2026-11-21T09:30:00.000Z');
export const TEMPLATE_REF = 'template:default/source-aligned-data-product';

/**
 * Runs `datamesh:product:create` in a workspace, as the source-aligned
 * template at {@link REQUESTED_AT}; resolves to the action's context.
 */
export async function runCreateProduct(
  workspacePath: string,
  input: Record<string, unknown>,
  isDryRun = false,
) {
  const action = createDataProductAction({ now: () => REQUESTED_AT });
  // createMockActionContext does not take isDryRun: set it on the result.
  const ctx = {
    ...createMockActionContext({
      input: input as any,
      workspacePath,
      templateInfo: { entityRef: TEMPLATE_REF, baseUrl: 'file:///t/' },
    }),
    isDryRun,
  };
  await action.handler(ctx);
  return ctx;
}

/**
 * Writes the order-returns product (catalog-info.yaml and its contracts) into
 * a workspace, as the templates' first step does.
 */
export async function writeOrderProduct(
  workspacePath: string,
  overrides: Record<string, unknown> = {},
) {
  await createDataProductAction().handler(
    createMockActionContext({
      input: orderProductInput(overrides) as any,
      workspacePath,
    }),
  );
}
