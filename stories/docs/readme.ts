import readme from '../../README.md?raw';

/**
 * The code blocks of the README's section for web editors, so the Storybook page shows the very
 * snippets the README gives (and the end-to-end test pastes): the tag, then the compatibility form.
 */
const section = readme.slice(readme.indexOf('## For web editors'), readme.indexOf('### Attributes of every widget'));
export const [tagSnippet, compatibilitySnippet] = [...section.matchAll(/^( *)```html\n([\s\S]*?)\n *```/gm)].map(([, indent, code]) =>
  code.replace(new RegExp(`^${indent}`, 'gm'), ''),
);
