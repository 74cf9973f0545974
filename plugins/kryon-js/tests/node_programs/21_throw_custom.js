class AppError extends Error { constructor(m, code) { super(m); this.name = 'AppError'; this.code = code; } }
console.log('go');
throw new AppError('bad config', 'E_CFG');
