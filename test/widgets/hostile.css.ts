/**
 * Global CSS of the kinds real host pages ship, written for these tests: Bootstrap 3's reset and base (10px root
 * font, border-box everywhere, bold inline-block labels, form controls restyled) and a WordPress theme's resets
 * (everything stripped and inheriting, buttons unset, inputs without borders, tight line-height, tracking).
 * Rules that match `ladder-petition` itself (`*`, `div > *`) are the dangerous ones: they beat `:host`.
 */
export const HOSTILE_CSS = `
  /* Bootstrap 3 */
  * { -webkit-box-sizing: border-box; box-sizing: border-box; }
  *:before, *:after { box-sizing: border-box; }
  html { font-size: 10px; -webkit-tap-highlight-color: rgba(0, 0, 0, 0); }
  body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.42857143;
    color: #333; background-color: #fff; }
  button, input, select, textarea { font-family: inherit; font-size: inherit; line-height: inherit; margin: 0; }
  label { display: inline-block; max-width: 100%; margin-bottom: 5px; font-weight: bold; }
  input[type="checkbox"] { margin: 4px 0 0; line-height: normal; }
  p { margin: 0 0 10px; }
  h2 { font-size: 30px; margin-top: 20px; margin-bottom: 10px; }

  /* A WordPress theme */
  html { font-size: 62.5%; line-height: 1; }
  * { margin: 0; padding: 0; font: inherit; vertical-align: baseline; border: 0; }
  *, *::before, *::after { box-sizing: inherit; }
  body { font-size: 1rem; line-height: 1; letter-spacing: 0.1em; text-transform: uppercase; color: #999;
    text-align: justify; word-spacing: 0.3em; }
  div > * { max-width: 100%; margin-left: auto; margin-right: auto; }
  button { all: unset; }
  input, textarea { border: 0; background: transparent; font-size: 62.5%; }
  a { color: inherit; text-decoration: none; }
`;
