/** Leaflet's own ES module build (the package's `main` is CommonJS): the same API as `leaflet`. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
