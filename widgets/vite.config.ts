/**
 * Builds what partners load: `dist/embed/embed.js` (the autoloader, served at `/embed.js`) and the widget chunks
 * under `dist/embed/w/` (served at `/w/*`): each widget's own chunk, and one `shared` chunk with Lit and the core.
 * `npm run build:widgets`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Vite resolves Lit's `development` export (bigger, with dev warnings) whenever NODE_ENV is set to anything but
// production, as test runners do: partners always get the production build.
process.env.NODE_ENV = 'production';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Lit, the core (not its other-language dictionaries: `core/i18n/es.ts`..., nor the outbox, which loads when the
 * browser is idle or someone submits) and the schema's widget-safe modules.
 */
const SHARED =
  /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|widgets[\\/]core[\\/](?!i18n[\\/](?!en\.)|outbox[\w-]*\.ts)|schema[\\/]/;

/**
 * Squeezes the indentation out of our `html` and `css` templates, which no minifier touches. CSS is minified in
 * the source. Minified code is one line, so a line break left in a chunk is inside a template literal: ours are
 * indented `html` (drop the break with its indentation between tags, make it one space elsewhere, as between
 * attributes: `id=${id} name=...`). Lit has one unindented break, inside a regular expression's source, where it
 * matters: only breaks followed by indentation are touched.
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
        .replace(/ ?([{};,>/~]) ?/g, '$1')
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
      if (chunk.type !== 'chunk') continue;
      const code = chunk.code;
      chunk.code = code.replace(/[ \t]*\n[ \t]+/g, (space: string, offset: number) => {
        const before = code[offset - 1] ?? '';
        const after = code[offset + space.length] ?? '';
        return before === '>' || after === '<' ? '' : ' ';
      });
    }
  },
});

/**
 * Lit's production build still carries what only a developer reads: long error messages (a misused `css` or
 * `html`, which our code never does: the tests render every widget) and its version numbers pushed on globals, for
 * a dev-mode warning about two Lits on one page. Shorter messages, no versions; a Lit that changes these texts is
 * left as it is.
 */
const LIT_DEV_TEXT: [RegExp, string][] = [
  [/throw Error\("CSSResult is not constructable[^"]*"\)/, 'throw Error("css only")'],
  [/throw Error\("Value passed to 'css' function[^"]*"\+(\w+)\+"[^"]*"\)/, 'throw Error("not css: "+$1)'],
  [/throw Error\("invalid template strings array"\)/, 'throw Error("not a template")'],
  [/\(\w+\.(?:reactiveElement|litHtml|litElement)Versions\?\?=\[\]\)\.push\("[\d.]+"\)/, 'void 0'],
];
const leanLit = (): Plugin => ({
  name: 'ladder-lean-lit',
  transform(code, id) {
    if (!/node_modules[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return null;
    const lean = LIT_DEV_TEXT.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), code);
    return lean === code ? null : { code: lean, map: null };
  },
});

export default defineConfig({
  publicDir: false,
  plugins: [squeezeTemplates(), leanLit()],
  // Libraries keep dev-only checks behind it (nanostores did); a browser has no `process`.
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
          groups: [
            {
              // Everything two widgets or more import, in one chunk: Lit, the core (base, controllers, api, outbox,
              // supporter store, English strings, theme) and the schema constants. A page with a petition and a call
              // downloads it once. One chunk, not Lit's and the core's apart: each widget's closure is ~290 B gzip
              // smaller so (one file, one compression context). Other languages stay in chunks of their own.
              name: 'shared',
              test: SHARED,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
});
