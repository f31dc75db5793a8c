/**
 * The graph webview's page: no content of its own beyond the toolbar, a script and a stylesheet
 * from the extension's dist/ folder. The Content-Security-Policy allows nothing else: no remote
 * content, no inline script (the one script carries a fresh nonce), styles only from the
 * webview's own resources. Repository text never enters this HTML; the script draws it as text.
 */
import { randomBytes } from 'node:crypto';

export interface GraphPageResources {
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

export function graphHtml(r: GraphPageResources, nonce = randomBytes(18).toString('base64')): string {
  const csp = [`default-src 'none'`, `style-src ${r.cspSource}`, `img-src ${r.cspSource}`, `font-src ${r.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${r.styleUri}">
<title>Mental Model Graph</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Graph filters">
  <input id="search" type="search" placeholder="Search ids and titles" aria-label="Search ids and titles">
  <fieldset id="kinds"><legend>Show</legend></fieldset>
  <fieldset id="statuses"><legend>Status</legend></fieldset>
  <label>Goal <select id="goal" aria-label="Only one goal's subgraph"><option value="">All goals</option></select></label>
  <span class="zoom">
    <button id="zoomOut" type="button" aria-label="Zoom out" title="Zoom out (-)">−</button>
    <button id="zoomIn" type="button" aria-label="Zoom in" title="Zoom in (+)">+</button>
    <button id="fit" type="button" aria-label="Fit to window" title="Fit to window (0)">Fit</button>
  </span>
  <span id="info" role="status" aria-live="polite"></span>
</div>
<svg id="graph" role="group" aria-label="Mental model graph" tabindex="0"><g id="viewport"></g></svg>
<script nonce="${nonce}" src="${r.scriptUri}"></script>
</body>
</html>
`;
}
