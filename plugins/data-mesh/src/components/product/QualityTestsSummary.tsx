import Typography from '@material-ui/core/Typography';
import type { SloStatusResponse } from '@datamesh-backstage/plugin-data-mesh-common';
import { formatDateTime } from '@datamesh-backstage/plugin-data-mesh-react';

/** Declared quality tests and the results of their last run. */
export function QualityTestsSummary(props: {
  declared: number;
  results?: SloStatusResponse['qualityTests'];
}) {
  const { declared, results } = props;
  return (
    <section aria-label="Quality tests" style={{ marginTop: 16 }}>
      <Typography variant="subtitle2" component="h3">
        Quality tests
      </Typography>
      <Typography variant="body2">
        {declared} declared.{' '}
        {results && results.total > 0
          ? `Last run ${formatDateTime(results.lastRunAt)}: ${
              results.passed
            } passed, ${results.failed} failed.`
          : 'No results received yet.'}
      </Typography>
      {results && results.failing.length > 0 && (
        <ul>
          {results.failing.map(test => (
            <li key={`${test.test}-${test.observedAt}`}>
              <code>{test.test}</code>
              {test.message ? `: ${test.message}` : ''} (
              {formatDateTime(test.observedAt)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
