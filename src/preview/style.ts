/** The preview page's own styles (the pane is styled by Fluent). */
export const PREVIEW_CSS = `
html, body, #root { height: 100%; margin: 0; }
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; font-size: 13px; color: #242424; background: #f3f3f3; }
.preview { display: flex; height: 100vh; overflow: hidden; }
.pane { width: 340px; flex: 0 0 340px; border-right: 1px solid #d1d1d1; overflow-y: auto; background: #fafafa; }
.pane .loading { padding: 12px; }
.book { flex: 1 1 auto; display: flex; flex-direction: column; min-width: 0; min-height: 0; background: #fff; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #d1d1d1; background: #f0f6f2; }
.btn { display: inline-flex; align-items: center; border: 1px solid #c4c4c4; border-radius: 4px; padding: 3px 10px; background: #fff; cursor: pointer; font: inherit; }
.btn:hover { background: #f5f5f5; }
.btn:focus-within, .btn:focus-visible { outline: 2px solid #107c41; outline-offset: 1px; }
.btn input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; }
.esempio { display: inline-flex; align-items: center; gap: 4px; }
.esempio select { font: inherit; padding: 2px 4px; border: 1px solid #c4c4c4; border-radius: 4px; background: #fff; }
.esempio select:focus-visible { outline: 2px solid #107c41; outline-offset: 1px; }
.selref { margin-left: auto; font-family: Consolas, monospace; color: #555; }
.msg { margin: 6px 10px; padding: 6px 10px; background: #fff4ce; border: 1px solid #f1dd8b; border-radius: 4px; }
.grid-wrap { flex: 1 1 auto; min-height: 0; overflow: auto; position: relative; }
.grid-wrap .empty { position: absolute; top: 40px; left: 60px; color: #777; }
table.sheet { border-collapse: collapse; table-layout: fixed; font-size: 11px; }
table.sheet th { position: sticky; background: #efefef; color: #555; font-weight: normal; border: 1px solid #d4d4d4; z-index: 1; }
table.sheet thead th { top: 0; height: 18px; z-index: 2; }
table.sheet th.rh { left: 0; text-align: center; }
table.sheet .corner { position: sticky; background: #efefef; border: 1px solid #d4d4d4; left: 0; top: 0; z-index: 3; cursor: default; }
table.sheet td { border: 1px solid #e1e1e1; padding: 1px 3px; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; overflow: hidden; cursor: cell; }
table.sheet td .c { max-height: 5.6em; overflow: hidden; }
table.sheet td.num { text-align: right; }
table.sheet td.fx { color: #0b5a2e; }
table.sheet td.sel { background: #cfe8d8; outline: 2px solid #107c41; outline-offset: -2px; }
table.sheet td.act { outline-width: 3px; }
table.sheet td.sel.act { background: #fff; }
table.sheet td { position: relative; }
table.sheet td .c { position: relative; }
table.sheet td .bar { position: absolute; left: 1px; top: 2px; bottom: 2px; pointer-events: none; }
table.sheet td.ed { padding: 0; overflow: visible; }
table.sheet td .editor { box-sizing: border-box; width: 100%; min-width: 8em; height: 100%; min-height: 1.6em; border: 2px solid #107c41; font: inherit; padding: 0 2px; outline: none; background: #fff; position: relative; z-index: 1; }
.grid-wrap:focus-visible { outline: 2px solid #107c41; outline-offset: -2px; }
.hint { color: #555; font-size: 12px; }
.tabs { display: flex; gap: 2px; overflow-x: auto; padding: 0 8px; border-top: 1px solid #d1d1d1; background: #f3f3f3; flex: 0 0 auto; }
.tab { border: none; border-bottom: 3px solid transparent; background: transparent; padding: 6px 12px; font: inherit; cursor: pointer; white-space: nowrap; }
.tab.on { background: #fff; border-bottom-color: #107c41; color: #107c41; font-weight: 600; }
.tab:focus-visible { outline: 2px solid #107c41; }
`;
