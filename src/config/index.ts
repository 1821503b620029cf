export { loadConfig, DEFAULT_CONFIG_FILE, type LoadConfigOptions } from './load.js';
export { ConfigSchema, type Config, type FetchConfig } from './schema.js';
