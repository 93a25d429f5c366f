import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
    environment: 'node',
    // A guard against hangs, not a speed limit: property tests take ~1 s on a quiet machine and
    // ten times that with the other core busy; `npm run bench` is where speed is judged.
    testTimeout: 60_000,
  },
});
