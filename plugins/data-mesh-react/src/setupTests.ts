import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI machines are small and shared: a page of the suite renders inside a
// whole Backstage app, which can take seconds there. Waits and tests get
// room for that; a passing test does not take longer.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
