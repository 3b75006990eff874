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
    }
  >;
  /** Per widget (`peiling`) and the core (`core`): the language chunk of every language but Dutch. */
  export const languages: Record<string, Record<string, string>>;
}
