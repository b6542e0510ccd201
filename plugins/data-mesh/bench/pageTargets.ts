import { expect } from '@playwright/test';
import { PageTarget } from './measurePages';

/**
 * The pages the bench times, each with what marks it interactive: its data
 * rendered and the control a user reaches for first able to take input.
 */
export const pageTargets: PageTarget[] = [
  {
    name: 'Domain scorecards',
    path: '/data-mesh/domains',
    readyWhen: [
      { selector: 'a', text: '^Customer$' },
      { selector: 'input[placeholder="Filter"]', state: 'editable' },
    ],
    verify: async page => {
      const link = page.getByRole('link', { name: 'Customer', exact: true });
      await expect(link).toBeEnabled();
      await expect(page.getByPlaceholder('Filter')).toBeEditable();
    },
  },
  {
    name: 'Domain drill-down (customer)',
    path: '/data-mesh/domains/default/customer',
    readyWhen: [
      { selector: 'caption', text: '^Products 1–25 of \\d+$' },
      { selector: 'button[aria-label="Next page"]', state: 'enabled' },
    ],
    verify: async page => {
      await expect(page.getByText(/^Products 1–25 of \d+$/)).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Next page' }),
      ).toBeEnabled();
    },
  },
  {
    name: 'KPI dashboard',
    path: '/data-mesh/kpis',
    readyWhen: [
      { selector: '[data-testid="kpi-tile-data_products_published"]' },
      { selector: '[data-testid="kpi-chart-data_products_published"] svg' },
      {
        selector: 'button',
        text: '^Download trends \\(CSV\\)$',
        state: 'enabled',
      },
    ],
    verify: async page => {
      await expect(
        page.getByRole('article', { name: 'Data products published' }),
      ).toBeVisible();
      await expect(
        page.getByTestId('kpi-chart-data_products_published').locator('svg'),
      ).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Download trends (CSV)' }),
      ).toBeEnabled();
    },
  },
];
