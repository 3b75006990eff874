/** Vite's `?raw` imports: a file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}

/** Stylesheets a story imports for its look (Vite adds them to the page). */
declare module '*.css';
