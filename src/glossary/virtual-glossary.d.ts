// Types of the virtual modules served by `src/build/glossary-vite-plugin.ts`.

declare module 'virtual:glossary-content' {
  const glossary: import('./compiled-glossary').ContentGlossary;
  export default glossary;
}

declare module 'virtual:glossary-full' {
  const glossary: import('./compiled-glossary').FullGlossary;
  export default glossary;
}
