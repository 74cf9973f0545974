async function fetchUser(id) {
  await new Promise((r) => setTimeout(r, 5));
  if (id > 10) throw new RangeError(`user ${id} out of range`);
  return { id };
}
fetchUser(1).then((u) => console.log('got', u));
fetchUser(50).then((u) => console.log('never', u));
