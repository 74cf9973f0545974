process.on?.('exit', (code) => console.log('exiting with', code));
console.log('work');
process.exitCode = 4;
setTimeout(() => console.log('timer still runs'), 1);
