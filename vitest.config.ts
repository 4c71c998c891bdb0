import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossaryVitePlugin } from './src/build/glossary-vite-plugin';

export default defineConfig({
  // WxtVitest does not apply wxt.config's own Vite plugins, so the glossary's virtual modules are added here.
  plugins: [WxtVitest(), glossaryVitePlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
