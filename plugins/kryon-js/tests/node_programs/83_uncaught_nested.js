class ValidationError extends Error {
  constructor(field, msg) { super(`${field}: ${msg}`); this.name = 'ValidationError'; this.field = field; }
}
function validate(user) {
  if (!user.email.includes('@')) throw new ValidationError('email', 'invalid address');
  return true;
}
function processAll(users) {
  return users.map((u, i) => {
    console.log('checking', i, u.email);
    return validate(u);
  });
}
console.log('begin');
processAll([{ email: 'a@b.c' }, { email: 'bad' }, { email: 'c@d.e' }]);
console.log('not reached');
