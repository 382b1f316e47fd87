// PEM files imported by tests are text (esbuild's text loader, see scripts/lib/buildTests.mjs).
declare module '*.pem' {
  const pem: string;
  export default pem;
}
