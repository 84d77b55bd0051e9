export { BUNDLE_FILE, CODE_CACHE_FILE, loadBundle, type CliModule, type LoadedBundle } from './bundled-cli';
