/** The Roboto font map shipped with pdfmake (`fonts/Roboto.js`: absolute paths of the bundled TTF files). */
declare module 'pdfmake/fonts/Roboto' {
  import type { TFontDictionary } from 'pdfmake/interfaces';

  const fonts: TFontDictionary;
  export = fonts;
}
