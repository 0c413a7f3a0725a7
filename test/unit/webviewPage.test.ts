// The webview pages' HTML shell: a policy that lets in only the extension's own files and the one script with this page's nonce.
import * as assert from 'assert';
import fc from 'fast-check';
import type * as vscode from 'vscode';
import { contentSecurityPolicy, pageNonce, webviewPageHtml } from '../../src/features/webviewPage';

/** The webview's resource origin as the desktop editor gives it. */
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

/** A local file's URI as the webview rewrites it (only its text reaches the page). */
function resource(path: string): vscode.Uri {
  return { toString: () => `${CSP_SOURCE}${path}` } as unknown as vscode.Uri;
}

const webview = { cspSource: CSP_SOURCE, asWebviewUri: (uri: vscode.Uri) => uri };
const page = { language: 'vi', stylesheet: resource('/ext/media/viewer.css'), script: resource('/ext/media/viewer.js'), body: '<div id="viewer"></div>' };

/** The directives of a policy: name → sources. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const directive of policy.split(';').map((d) => d.trim()).filter((d) => d !== '')) {
    const [name, ...sources] = directive.split(/\s+/);
    assert.ok(!parsed.has(name), `${name} given once`);
    parsed.set(name, sources);
  }
  return parsed;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] as string);
}

function policyOf(html: string): string {
  const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  assert.strictEqual(policies.length, 1, 'one policy, in a meta element');
  return policies[0][1];
}

describe('webview page', () => {
  it('denies everything by default and lets in only the webview’s own files and the script with the nonce', () => {
    const nonce = pageNonce();
    const policy = directives(contentSecurityPolicy(CSP_SOURCE, nonce));
    assert.deepStrictEqual(policy.get('default-src'), ["'none'"]);
    assert.deepStrictEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    for (const [name, sources] of policy) {
      if (name === 'default-src' || name === 'script-src') continue;
      assert.deepStrictEqual(sources, [CSP_SOURCE], `${name} names only the webview's resource origin`);
    }
    assert.ok(![...policy.values()].flat().some((source) => /unsafe|^\*$|^(https?|data|blob):?$/.test(source)), 'no inline code, eval, wildcard or scheme-wide source');
  });

  it('puts the same nonce on the policy and on its one script, which is the page’s file and not inline', () => {
    const html = webviewPageHtml(webview, page, 'abc123');
    assert.deepStrictEqual(directives(policyOf(html)).get('script-src'), ["'nonce-abc123'"]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
    assert.strictEqual(scripts.length, 1);
    assert.strictEqual(scripts[0][1], ` nonce="abc123" src="${CSP_SOURCE}/ext/media/viewer.js"`);
    assert.strictEqual(scripts[0][2], '', 'the script comes from its file, not from the page');
    assert.strictEqual(html.match(/<script\b/g)?.length, 1);
    assert.ok(html.includes(`<link rel="stylesheet" href="${CSP_SOURCE}/ext/media/viewer.css">`));
    assert.ok(html.includes('<body>\n<div id="viewer"></div>\n<script'));
  });

  it('gives every page a new nonce of 128 random bits', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => pageNonce()));
    assert.strictEqual(nonces.size, 100);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
    const first = policyOf(webviewPageHtml(webview, page));
    const second = policyOf(webviewPageHtml(webview, page));
    assert.notStrictEqual(first, second);
  });

  it('escapes the language and the title, whatever they hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (language, title) => {
        const html = webviewPageHtml(webview, { ...page, language, title }, 'n');
        const lang = /^<!DOCTYPE html>\n<html lang="([^"]*)">\n<head>\n/.exec(html);
        assert.ok(lang, 'the html element, its attribute closed where it should be');
        assert.strictEqual(unescapeXml(lang[1]), language);
        const shown = /\n<title>([^<]*)<\/title>\n<\/head>\n/.exec(html);
        assert.ok(shown, 'a title element, closed where it should be');
        assert.strictEqual(unescapeXml(shown[1]), title);
        policyOf(html);
      }),
    );
  });

  it('has no title element when the page gives none (a custom editor’s tab shows its file)', () => {
    assert.ok(!webviewPageHtml(webview, page).includes('<title>'));
  });
});
