// Astro's virtual modules (`astro:content`) for plain `tsc`: `site/content.config.ts` is typechecked with the rest
// of the repository. The .astro files get exact collection types from `astro build` / `astro sync`.
/// <reference types="astro/client" />
