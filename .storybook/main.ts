// Storybook 10 (web components + Vite). Stories live in stories/ and are fed by the MSW mocks.
// `.storybook/public/mockServiceWorker.js` is copied from the installed msw by the
// prestorybook / prebuild-storybook npm scripts (gitignored), so it can't drift from msw's version.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Lit's decorators are TypeScript's legacy ("experimental") ones; Vite's esbuild reads them
    // from tsconfig.json, but say it here too so stories never get TC39 decorators by accident.
    const tsconfigRaw =
      typeof viteConfig.esbuild === 'object' ? viteConfig.esbuild.tsconfigRaw : undefined;
    const base = typeof tsconfigRaw === 'object' ? tsconfigRaw : {};
    return {
      ...viteConfig,
      // Storybook's own vendor chunks (axe, docs) are big by nature; only ours are worth a warning.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2000 },
      esbuild: {
        ...(typeof viteConfig.esbuild === 'object' ? viteConfig.esbuild : {}),
        tsconfigRaw: {
          ...base,
          compilerOptions: {
            ...base.compilerOptions,
            experimentalDecorators: true,
            useDefineForClassFields: false,
          },
        },
      },
    };
  },
};

export default config;
