/** Tiny HTML pages for the links in confirmation answers; no script, no inline style. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body>
</html>
`;
}

export function confirmPage(title: string, question: string, action: string, button: string): string {
  return page(title, `<p>${escape(question)}</p><form method="post" action="${escape(action)}"><button type="submit">${escape(button)}</button></form>`);
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escape(message)}</p>`);
}
