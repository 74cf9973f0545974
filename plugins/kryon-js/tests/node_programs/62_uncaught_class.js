class ConfigError extends Error {
  constructor(message, options) { super(message, options); this.name = 'ConfigError'; this.code = 'E_CONFIG'; }
}
function load(cfg) {
  if (!cfg.port) throw new ConfigError('port missing', { cause: new TypeError('undefined port') });
}
console.log('starting');
load({});
console.log('unreached');
