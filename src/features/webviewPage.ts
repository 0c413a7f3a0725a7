// The HTML shell of the extension's webview pages (the statistics page, the viewer): a strict content security policy, one stylesheet and one script from media/, nothing remote.
// Only vscode's types are imported, so that the unit tests can check the policy in plain Node.
import type * as vscode from 'vscode';
import { escapeXml } from '../core/statisticsCharts';

/** What a page puts in the shell. */
export interface WebviewPage {
  /** The editor's display language (vscode.env.language), for the page's `lang`. */
  readonly language: string;
  /** The stylesheet and the one script, files in media/. */
  readonly stylesheet: vscode.Uri;
  readonly script: vscode.Uri;
  /** The document title, if the page has one (a custom editor's tab shows the file's name instead). */
  readonly title?: string;
  /** The page's markup, already escaped. */
  readonly body: string;
}

/** A fresh number used once per page: only the script tagged with it runs. */
export function pageNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Nothing but the webview's own resources (`cspSource`: files under the extension's media/) and the
 * script carrying `nonce`: no inline script, no remote host, and `default-src 'none'` for the rest.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource}; font-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

/** The page as HTML for `webview.html`. */
export function webviewPageHtml(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, page: WebviewPage, nonce = pageNonce()): string {
  const title = page.title === undefined ? '' : `\n<title>${escapeXml(page.title)}</title>`;
  return `<!DOCTYPE html>
<html lang="${escapeXml(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeXml(webview.asWebviewUri(page.stylesheet).toString())}">${title}
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${escapeXml(webview.asWebviewUri(page.script).toString())}"></script>
</body>
</html>`;
}
