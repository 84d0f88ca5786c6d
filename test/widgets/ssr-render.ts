/**
 * Renders `<ladder-petition>` on the server with Lit SSR, as @astrojs/lit does on the site, and prints the HTML.
 * Run in its own process by the test config (`/__test/ssr`), so the DOM shim never touches the test server.
 * Usage: node test/widgets/ssr-render.ts '<PublicCampaign JSON>' [lang]
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import { core, registerMessages } from '../../widgets/core/i18n.ts';
import coreEs from '../../widgets/core/i18n/es.ts';
import { petitionMessages } from '../../widgets/petition/i18n/index.ts';
import petitionEs from '../../widgets/petition/i18n/es.ts';
import '../../widgets/petition/petition.ts';

// As site/lib/widgets.ts does: the site renders Spanish synchronously.
registerMessages(core, 'es', coreEs);
registerMessages(petitionMessages, 'es', petitionEs);
const data = JSON.parse(process.argv[2]) as PublicCampaign;
const lang = process.argv[3] || undefined;
const out = collectResultSync(
  render(html`<ladder-petition campaign=${data.slug} lang=${lang ?? data.lang} .data=${data}></ladder-petition>`),
);
// @astrojs/lit marks an element whose properties cannot be serialized (`data`) with `defer-hydration`; the
// island sets them in the browser, then removes it.
process.stdout.write(out.replace('<ladder-petition', '<ladder-petition defer-hydration'));
