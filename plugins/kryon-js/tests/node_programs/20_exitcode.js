console.log('a');
process.exitCode = 3;
