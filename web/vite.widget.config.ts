import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The embeddable chat widget (widget/), built after the app into the same dist/: the chat panel
 * page into dist/widget/ (frame.html and its hashed assets, served at /widget/), and with
 * `--mode loader` the embed script into dist/widget.js (one IIFE, no exports: its URL is the
 * snippet customers paste, so it is never hashed). Vanilla TypeScript, no framework: the panel
 * loads inside every page of a customer's website.
 */
/**
 * The loader runs in pages of any charset (a GBK page reads a script without a charset as GBK):
 * its output is ASCII, every other character written as a \u escape (they are all in string
 * literals).
 */
const asciiOnly: Plugin = {
  name: 'parley-ascii-only',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type === 'chunk') {
        file.code = file.code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      }
    }
  },
};

const widget = resolve(import.meta.dirname, 'widget');
const dist = resolve(import.meta.dirname, 'dist');

export default defineConfig(({ mode }) =>
  mode === 'loader'
    ? {
        publicDir: false,
        plugins: [asciiOnly],
        build: {
          outDir: dist,
          emptyOutDir: false,
          sourcemap: false,
          minify: true,
          target: 'es2020',
          lib: {
            entry: resolve(widget, 'loader.ts'),
            formats: ['iife'],
            name: 'ParleyLoader',
            fileName: () => 'widget.js',
          },
        },
      }
    : {
        root: widget,
        base: '/widget/',
        publicDir: false,
        build: {
          outDir: resolve(dist, 'widget'),
          emptyOutDir: true,
          sourcemap: false,
          target: 'es2022',
          modulePreload: { polyfill: false },
          rollupOptions: { input: resolve(widget, 'frame.html') },
        },
      },
);
