console.log('before');
setTimeout(() => {
  console.log('in timer');
  const cfg = JSON.parse('{"a": }');
  console.log(cfg);
}, 1);
setTimeout(() => console.log('second timer never'), 50);
