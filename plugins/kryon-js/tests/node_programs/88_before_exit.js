let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('more work', rounds), 5);
  else Promise.resolve().then(() => console.log('job after last beforeExit'));
});
process.on('exit', (code) => console.log('exit', code));
console.log('main');
process.exitCode = 0;
