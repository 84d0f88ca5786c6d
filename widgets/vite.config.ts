/**
 * Builds what partners load: `dist/embed/embed.js` (the autoloader, served at `/embed.js`) and the widget chunks
 * under `dist/embed/w/` (served at `/w/*`), Lit in one chunk that every widget shares.
 * `npm run build:widgets`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Vite resolves Lit's `development` export (bigger, with dev warnings) whenever NODE_ENV is set to anything but
// production, as test runners do: partners always get the production build.
process.env.NODE_ENV = 'production';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Squeezes the indentation out of our `html` and `css` templates, which no minifier touches. CSS is minified in
 * the source. Minified code is one line, so every line break left in a chunk is inside an `html` template: drop it
 * with its indentation between tags, make it one space elsewhere (between attributes: `id=${id} name=...`).
 */
const squeezeTemplates = (): Plugin => ({
  name: 'ladder-squeeze-templates',
  enforce: 'post',
  // Our `css` templates have no interpolations and no backticks: minify them as plain CSS.
  transform(code, id) {
    if (!id.includes('/widgets/') || !code.includes('css`')) return null;
    const minified = code.replace(/css`([^`]*)`/g, (_, text: string) => {
      const css = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}')
        .replace(/='([\w-]+)'/g, '=$1')
        .replace(/([ :(])0\./g, '$1.');
      return `css\`${css.trim()}\``;
    });
    return { code: minified, map: null };
  },
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.name === 'lit') continue;
      const code = chunk.code;
      chunk.code = code.replace(/\s*\n\s*/g, (space: string, offset: number) => {
        const before = code[offset - 1] ?? '';
        const after = code[offset + space.length] ?? '';
        return before === '>' || after === '<' ? '' : ' ';
      });
    }
  },
});

export default defineConfig({
  publicDir: false,
  plugins: [squeezeTemplates()],
  // nanostores keeps dev-only checks behind it; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('../dist/embed'),
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: { embed: here('embed.ts') }, formats: ['es'] },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'w/[name]-[hash].js',
        // Library mode leaves whitespace in by default.
        minify: { compress: true, mangle: true, codegen: true },
        comments: false,
        codeSplitting: {
          groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ }],
        },
      },
    },
  },
});
