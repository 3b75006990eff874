/** The chunks next to the loader, written into dist/ouderstem.js by the build (rollup.config.mjs). */
declare module 'ouderstem:chunks' {
  /** Their folder, relative to the loader (`ouderstem/`). */
  export const folder: string;
  /** Per element: its chunk first, then every chunk that one imports (all fetched at once). */
  export const elements: Record<
    string,
    {
      files: string[];
      /** The export that is the element's class; none for `<ouder-config>`, which defines itself. */
      className?: string;
      /** Whose texts it shows (`peiling`, `core`, `outcome`): keys of `languages`. */
      texts: string[];
    }
  >;
  /** Per set of texts (a widget's, the core's, a core part's): the chunk of every language but Dutch. */
  export const languages: Record<string, Record<string, string>>;
}
