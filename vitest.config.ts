/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests import src/lib only; integration tests build fixture sites in a
// child process (see tests/support/build.ts) and read the files in their dist/.
export default getViteConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
