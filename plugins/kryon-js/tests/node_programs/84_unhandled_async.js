async function fetchUser(id) {
  await new Promise(r => setTimeout(r, 5));
  if (id > 2) throw new RangeError(`no user ${id}`);
  return { id };
}
async function main() {
  const a = await fetchUser(1);
  console.log('got', a);
  const b = await fetchUser(2);
  console.log('got', b);
  await fetchUser(3);
  console.log('never');
}
setTimeout(() => console.log('timer before rejection'), 1);
main();
console.log('sync done');
