/**
 * Renders `<ladder-rsvp>` on the server with Lit SSR, as @astrojs/lit does on the site (see ssr-render.ts), with
 * every language registered as site/lib/widgets/rsvp.ts does. Usage: node test/widgets/rsvp-ssr-render.ts '<JSON>' [lang]
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import '../../site/lib/widgets/rsvp.ts';

const data = JSON.parse(process.argv[2]) as PublicCampaign;
const lang = process.argv[3] || undefined;
const out = collectResultSync(
  render(html`<ladder-rsvp campaign=${data.slug} lang=${lang ?? data.lang} .data=${data}></ladder-rsvp>`),
);
process.stdout.write(out.replace('<ladder-rsvp', '<ladder-rsvp defer-hydration'));
