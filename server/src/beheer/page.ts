import { escapeHtml } from '../pages.js';

/** A plain page of the console's own (not built yet, an organisation login's outcome): Dutch, no script, no style. */
export function consolePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>
`;
}
