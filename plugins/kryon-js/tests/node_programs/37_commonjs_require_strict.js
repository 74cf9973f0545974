'use strict';
const { inspect } = require('util');
console.log(inspect('str'), inspect([1, [2, [3, [4]]]], { depth: 1 }), typeof module, typeof exports);
module.exports.x = 1; console.log(module.exports);
