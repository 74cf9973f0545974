// A JavaScript script: exported functions are its top-level function declarations.
function summary(values) {
  const total = values.reduce((a, b) => a + b, 0);
  return { count: values.length, mean: total / values.length, max: Math.max(...values) };
}

function greet(name) {
  return `Hello from JavaScript, ${name}!`;
}

async function later(x) {
  const value = await Promise.resolve(x * 2);
  return value + 1;
}
