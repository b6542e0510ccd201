/*
 * How the end-to-end tests and the page benchmark launch Chromium: the
 * browser that scripts/chromium.sh installs (CHROMIUM_PATH), headless on a
 * machine without a GPU or network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
