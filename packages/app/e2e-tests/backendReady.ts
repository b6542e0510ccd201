/**
 * Global setup of the browser tests: the portal's two dev servers start
 * together (playwright.config.ts), and Playwright waits for the app's; this
 * waits for the backend's readiness as well before the first test.
 */

/** The backend's readiness endpoint, as the portal started by the tests serves it. */
export const BACKEND_READINESS_URL =
  'http://localhost:7007/.backstage/health/v1/readiness';

const TIMEOUT_MS = 180_000;

async function isReady(url: string) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export default async function backendReady() {
  if (process.env.PLAYWRIGHT_URL) {
    return;
  }
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await isReady(BACKEND_READINESS_URL))) {
    if (Date.now() > deadline) {
      throw new Error(
        `The backend was not ready within ${
          TIMEOUT_MS / 1000
        } s: ${BACKEND_READINESS_URL}`,
      );
    }
    await new Promise(done => setTimeout(done, 500));
  }
}
