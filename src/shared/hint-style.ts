/**
 * The in-page hint's stylesheet. It travels with each hint from the background (`HintModel.stylesheet`)
 * rather than in the content script, whose bundles share a 10 KB gzip budget (issue 8); the panel's width
 * is the one number the content script needs as well.
 */

/** The panel's width on a wide page. */
export const PANEL_WIDTH = 360;

// Tokens first, then light values; dark values override them. Sizes in px: the page's rem is not ours.
export const HINT_STYLESHEET = `:host{all:initial}
.p{--bg:#fff;--fg:#1b1f24;--mu:#57606a;--bd:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--unk:#57606a;--btn:#f6f8fa;--ac:#0969da;
position:fixed;box-sizing:border-box;width:min(${PANEL_WIDTH}px,calc(100vw - 16px));padding:12px 12px 12px 14px;border:1px solid var(--bd);border-left:4px solid var(--t);border-radius:10px;
background:var(--bg);color:var(--fg);box-shadow:0 6px 24px rgba(0,0,0,.16);font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
display:grid;grid-template-columns:22px 1fr auto;gap:2px 10px;animation:in .14s ease-out;text-align:start}
@media (prefers-color-scheme:dark){.p{--bg:#1c2128;--fg:#e6edf3;--mu:#9da7b3;--bd:#3d444d;--ok:#3fb950;--bad:#ff7b72;--warn:#d29922;--unk:#9da7b3;--btn:#2d333b;--ac:#4493f8;box-shadow:0 6px 24px rgba(0,0,0,.5)}}
@media (prefers-reduced-motion:reduce){.p{animation:none}}
@keyframes in{from{opacity:0;transform:translateY(-4px)}}
.ok{--t:var(--ok)}.bad{--t:var(--bad)}.warn{--t:var(--warn)}.unknown{--t:var(--unk)}
.i{width:20px;height:20px;border-radius:50%;background:var(--t);color:var(--bg);font-weight:700;font-size:12px;line-height:20px;text-align:center;margin-top:1px}
.m{grid-column:2;min-width:0;overflow-wrap:anywhere}.m p{margin:0}
.m .b{color:var(--mu);font-size:11px;font-weight:600;letter-spacing:.02em;margin-bottom:1px}
.m .h{font-weight:600;font-size:14px}
.m .d{color:var(--mu);margin-top:2px}
.m .f{margin-top:6px}
.a{grid-column:2/4;display:flex;gap:8px;margin-top:8px}
button{font:inherit;color:inherit;cursor:pointer;border-radius:6px}
.c{border:1px solid var(--ac);background:var(--ac);color:var(--bg);padding:4px 12px;font-weight:600}
.c[data-done]{background:var(--bg);color:var(--ok);border-color:var(--ok)}
.x{grid-column:3;grid-row:1;align-self:start;border:0;background:none;color:var(--mu);width:24px;height:24px;padding:0;font-size:18px;line-height:1}
.x:hover{color:var(--fg)}
button:focus-visible{outline:2px solid var(--ac);outline-offset:2px}
.s{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;
