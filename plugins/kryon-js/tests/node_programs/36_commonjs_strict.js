'use strict';
const module = { a: 1 };
let exports = 2;
class require {}
console.log(module, exports, typeof require);
